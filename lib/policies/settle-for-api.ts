import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPreset } from "@/lib/policies/domain/preset-registry";
import { parseSettleInput } from "@/lib/settlement/parse-settle-input";
import { settleClaims } from "@/lib/settlement/settle-claims";
import type { SettlementResult } from "@/lib/settlement/types";
import { ContractInputError, parseRequestJson } from "./domain/contract-input-error";
import { claimDates, pickVersionForDates } from "./domain/pick-version";
import { knownPolicyIds, publishedCandidates } from "./published-candidates";

/**
 * POST /api/v1/settlement: the CLI's `settle` JSON in, the same JSON out.
 *
 * `policy` is a stored policy id or a preset id. A stored id is settled under
 * its published version in force on the claims' dates (each version's own
 * effective dates); all claims of one request must fall under one version.
 * A preset id that has no stored versions is the shipped preset; the seed
 * stores each preset as its version 1, identical to the shipped one, so the
 * API answers like the CLI until an administrator publishes a new version of
 * a preset id — then the administrator's version applies.
 *
 * A trial is a read and is not audited for signed-in users (like viewing a
 * page). A call with an API token is audited: a token is a standing
 * credential held by another system, and if it leaks, the audit log shows
 * what was computed with it and when. No personal data is in the request.
 */
export async function settleForApi(ctx: UseCaseContext, bodyText: string, opts: { viaToken: boolean }): Promise<SettlementResult> {
  await requirePermission(ctx, "settlement.trial", { objectType: "settlement" });
  const body = parseRequestJson(bodyText);
  const policyId = body && typeof body === "object" ? (body as { policy?: unknown }).policy : undefined;
  const stored = await publishedCandidates(ctx.db, policyId);
  let chosen: (typeof stored)[number] | null = null;
  if (stored.length > 0) {
    const pick = pickVersionForDates(stored, claimDates(body));
    if (!pick.ok) throw new ContractInputError(pick.problem);
    chosen = pick.chosen;
  }
  const parsed = parseSettleInput(body, {
    resolvePolicy: (id) => (chosen && id === policyId ? chosen.record : getPreset(id)),
    knownPolicies: await knownPolicyIds(ctx.db),
  });
  if (!parsed.ok) throw new ContractInputError(parsed.problem);
  const result = settleClaims(parsed.value.policy, parsed.value.input);
  if (opts.viaToken) {
    await insertAudit(
      ctx.db,
      auditRow(ctx.actor, {
        action: "api.settlement",
        objectType: "policy",
        objectId: parsed.value.policy.id,
        detail: { version: chosen?.version ?? "preset", claims: parsed.value.input.claims.length },
      }),
    );
  }
  return result;
}
