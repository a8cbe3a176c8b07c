import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { findCase, reopenClosedCase } from "@/db/queries/enrolment-worklist";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { accountId } from "@/lib/auth/domain/actor";
import { NotFoundError, ValidationError } from "@/lib/errors/app-error";
import { MAX_CASE_NOTE_CHARS, MIN_REOPEN_REASON_CHARS } from "./domain/case-reasons";

/**
 * Undoes a 销号 closed in error: the case goes back on the township's list of
 * 未参保 people. Whoever may close a case in the township may reopen it; the
 * reason is required, and the close it undoes stays in the case's history.
 */
export async function reopenUnenrolledCase(ctx: UseCaseContext, caseId: unknown, input: { reason?: unknown }): Promise<void> {
  const id = typeof caseId === "number" ? caseId : Number(String(caseId ?? ""));
  await requirePermission(ctx, "enrolment.work", { objectType: "unenrolled_case", objectId: String(caseId).slice(0, 20) });
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError("找不到该未参保记录，可能链接有误。");
  const found = await findCase(ctx.db, id);
  if (!found) throw new NotFoundError("找不到该未参保记录，可能已被删除。");
  await requireWithin(ctx, found.townshipCode, "enrolment.work", { objectType: "unenrolled_case", objectId: String(id) });

  const reason = typeof input.reason === "string" ? input.reason.trim() : "";
  if ([...reason].length < MIN_REOPEN_REASON_CHARS) throw new ValidationError("reason", "请填写重新打开的原因（例如：核实有误，本人未参军）");
  if ([...reason].length > MAX_CASE_NOTE_CHARS) throw new ValidationError("reason", `重新打开的原因不能超过 ${MAX_CASE_NOTE_CHARS} 个字，请精简`);
  if (found.status !== "closed") throw new ValidationError("status", "该人员尚未销号，无需重新打开。");

  await inTransaction(ctx.db, async (tx) => {
    const reopenedBy = accountId(ctx.actor);
    // Checked again under the update: two clerks reopening at once change it once.
    if (!(await reopenClosedCase(tx, id, { reason, reopenedBy }))) throw new ValidationError("status", "该人员尚未销号，无需重新打开。");
    await insertAudit(
      tx,
      auditRow(ctx.actor, {
        action: "enrolment.reopen_case",
        objectType: "unenrolled_case",
        objectId: String(id),
        detail: { year: found.year, township: found.townshipCode, undone: { reason: found.reason, note: found.note }, reason },
      }),
    );
  });
}
