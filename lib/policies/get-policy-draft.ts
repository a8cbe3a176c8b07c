import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { loadVersion, requireEditableDraft, versionTarget } from "./load-version";
import { storedRecord } from "./stored-record";

/** A draft for the JSON editor; an active version is refused (editing it means copying it into a new version). */
export async function getPolicyDraft(ctx: UseCaseContext, policyId: string, version: string) {
  await requirePermission(ctx, "policies.edit", versionTarget(policyId, version));
  const row = await loadVersion(ctx.db, policyId, version);
  await requireEditableDraft(ctx, row);
  return {
    policyId: row.policyId,
    version: row.version,
    name: row.name,
    note: row.note,
    // In the schema's order (the database keeps jsonb keys in its own order).
    json: JSON.stringify(storedRecord(row), null, 2),
  };
}
