import "server-only";
import { findCurrentDivision } from "@/db/queries/divisions";
import { listActivationsVisible, listPolicyVersionSummaries, type PolicyVersionSummary } from "@/db/queries/policies";
import { policyVersionInForce } from "@/db/queries/policy-in-force";
import { can } from "@/lib/auth/domain/can";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { divisionChain } from "@/lib/divisions/domain/division-chain";
import { scopePrefix } from "@/lib/divisions/domain/division-code";
import { isPresetId } from "@/lib/policies/domain/preset-registry";
import { beijingToday } from "@/lib/calendar/domain/iso-date";

export type PolicyActivationView = Awaited<ReturnType<typeof listActivationsVisible>>[number];
export type PolicyVersionView = PolicyVersionSummary & { activations: PolicyActivationView[]; inForceHere: boolean };
export type PolicyView = { policyId: string; name: string; isPreset: boolean; versions: PolicyVersionView[] };

/**
 * 政策管理: every policy with its versions. Policy rules are public documents,
 * so every version is listed; activations are shown for the divisions above
 * the user (what applies to them) and within their jurisdiction only.
 */
export async function listPolicies(ctx: UseCaseContext) {
  await requirePermission(ctx, "policies.view");
  const region = ctx.actor.user.jurisdiction;
  const chain = divisionChain(region);
  const today = beijingToday();
  const [versions, activations, inForce, division] = await Promise.all([
    listPolicyVersionSummaries(ctx.db),
    listActivationsVisible(ctx.db, { chain, scopePrefix: scopePrefix(region) }),
    policyVersionInForce(ctx.db, chain, today),
    findCurrentDivision(ctx.db, region),
  ]);
  const byId = new Map<string, PolicyView>();
  for (const v of versions) {
    const policy = byId.get(v.policyId) ?? { policyId: v.policyId, name: v.name, isPreset: isPresetId(v.policyId), versions: [] };
    policy.name = v.name; // the newest version's name
    policy.versions.push({ ...v, activations: activations.filter((a) => a.versionId === v.id), inForceHere: inForce?.id === v.id });
    byId.set(v.policyId, policy);
  }
  // The region's own policies first, then the others, presets last.
  const policies = [...byId.values()].sort(
    (a, b) => Number(a.isPreset) - Number(b.isPreset) || a.policyId.localeCompare(b.policyId),
  );
  return {
    policies,
    region: { code: region, name: division?.name ?? region },
    inForce: inForce ? { policyId: inForce.policyId, version: inForce.version, name: inForce.name, activeFrom: inForce.activeFrom } : null,
    today,
    canEdit: can(ctx.actor.user, "policies.edit"),
  };
}
