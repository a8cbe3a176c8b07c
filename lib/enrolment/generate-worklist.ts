import "server-only";
import { bulkTransaction } from "@/db/bulk";
import { closeEnrolledCases, lockEnrolment } from "@/db/queries/enrolment-import";
import { openMissingCases } from "@/db/queries/enrolment-worklist";
import { insertAuditRaw } from "@/db/queries/audit-raw";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { accountId } from "@/lib/auth/domain/actor";
import { scopePrefix } from "@/lib/divisions/domain/division-code";
import { AUTO_CLOSE_NOTE } from "./domain/case-reasons";
import { parseYear } from "./domain/year-input";

export type WorklistRun = { year: number; opened: number; closedAsEnrolled: number };

/**
 * Generates or refreshes the 未参保 worklist of a year: everyone in the
 * actor's jurisdiction holding a consolidated category during the year without
 * an enrolment gets an open case at their township. Idempotent; a closed case
 * is never reopened; an open case whose person has since enrolled is closed as 已参保.
 */
export async function generateWorklist(ctx: UseCaseContext, yearInput: unknown): Promise<WorklistRun> {
  await requirePermission(ctx, "enrolment.manage", { objectType: "unenrolled_worklist", objectId: String(yearInput).slice(0, 10) });
  const year = parseYear(yearInput);
  const scope = scopePrefix(ctx.actor.user.jurisdiction);
  const closedBy = accountId(ctx.actor);
  return bulkTransaction(ctx.db, async (tx) => {
    await lockEnrolment(tx);
    const closedAsEnrolled = await closeEnrolledCases(tx, { year, scopePrefix: scope, closedBy, note: AUTO_CLOSE_NOTE });
    const opened = await openMissingCases(tx, { year, scopePrefix: scope });
    const run = { year, opened, closedAsEnrolled };
    await insertAuditRaw(tx, auditRow(ctx.actor, { action: "enrolment.worklist", objectType: "unenrolled_worklist", objectId: String(year), detail: run }));
    return run;
  });
}
