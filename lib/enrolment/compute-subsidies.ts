import "server-only";
import { bulkTransaction } from "@/db/bulk";
import { lockEnrolment } from "@/db/queries/enrolment-import";
import { insertAuditRaw } from "@/db/queries/audit-raw";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { scopePrefix } from "@/lib/divisions/domain/division-code";
import { runSubsidies, type SubsidyRun } from "./run-subsidies";
import { parseYear } from "./domain/year-input";

/**
 * Computes the subsidies still missing for a year — after a policy version is
 * activated, or once a late roster has fixed someone's category on the payment
 * day. Subsidies already stored are never recomputed or raised.
 */
export async function computeSubsidies(ctx: UseCaseContext, yearInput: unknown): Promise<SubsidyRun & { year: number }> {
  await requirePermission(ctx, "enrolment.manage", { objectType: "subsidies", objectId: String(yearInput).slice(0, 10) });
  const year = parseYear(yearInput);
  const scope = scopePrefix(ctx.actor.user.jurisdiction);
  return bulkTransaction(ctx.db, async (tx) => {
    await lockEnrolment(tx);
    const run = await runSubsidies(tx, { year, scopePrefix: scope, fromStaging: false });
    await insertAuditRaw(tx, auditRow(ctx.actor, { action: "enrolment.subsidies", objectType: "subsidies", objectId: String(year), detail: { year, ...run } }));
    return { year, ...run };
  });
}
