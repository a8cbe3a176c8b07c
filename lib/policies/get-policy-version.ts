import "server-only";
import { findCurrentDivision } from "@/db/queries/divisions";
import { listActivationsVisible, versionsOfPolicy } from "@/db/queries/policies";
import { can } from "@/lib/auth/domain/can";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { divisionChain } from "@/lib/divisions/domain/division-chain";
import { isWithin, levelOf, scopePrefix } from "@/lib/divisions/domain/division-code";
import { isPresetId } from "@/lib/policies/domain/preset-registry";
import { loadVersion, versionTarget } from "./load-version";
import { readableSections } from "./domain/readable-sections";
import { storedRecord } from "./stored-record";
import { beijingToday } from "@/lib/calendar/domain/iso-date";

/** One version as readable Chinese sections (and its raw JSON), its activations, and what the user may do with it. */
export async function getPolicyVersion(ctx: UseCaseContext, policyId: string, version: string) {
  await requirePermission(ctx, "policies.view", versionTarget(policyId, version));
  const row = await loadVersion(ctx.db, policyId, version);
  const record = storedRecord(row);
  const region = ctx.actor.user.jurisdiction;
  const [activations, siblings, division] = await Promise.all([
    listActivationsVisible(ctx.db, { chain: divisionChain(region), scopePrefix: scopePrefix(region), versionId: row.id }),
    versionsOfPolicy(ctx.db, row.policyId),
    findCurrentDivision(ctx.db, region),
  ]);
  const canEdit = can(ctx.actor.user, "policies.edit");
  const ownDraft = row.status === "draft" && (row.creatorJurisdiction === null || isWithin(row.creatorJurisdiction, region));
  const regionLevel = levelOf(region);
  // The activation form proposes today (or the version's start, if later): a past date re-times claims already settled.
  const today = beijingToday();
  const proposed = record.effectiveFrom > today || (record.effectiveTo !== null && record.effectiveTo < today) ? record.effectiveFrom : today;
  return {
    version: {
      id: row.id,
      policyId: row.policyId,
      version: row.version,
      name: row.name,
      status: row.status,
      note: row.note,
      basedOn: row.basedOn,
      isPreset: isPresetId(row.policyId),
      createdAt: row.createdAt,
      createdByName: row.createdByName,
      effectiveFrom: record.effectiveFrom,
      effectiveTo: record.effectiveTo,
    },
    sections: readableSections(record),
    rawJson: JSON.stringify(record, null, 2),
    activations,
    regionName: division?.name ?? region,
    proposedActiveFrom: proposed,
    siblings: siblings.map((s) => ({ version: s.version, status: s.status })),
    nextVersion: Math.max(...siblings.map((s) => s.version)) + 1,
    canCopy: canEdit,
    canEditDraft: canEdit && ownDraft,
    canActivate: canEdit && (row.status !== "draft" || ownDraft) && (regionLevel === "county" || regionLevel === "city" || regionLevel === "province"),
  };
}
