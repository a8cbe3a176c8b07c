import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { settleBatchStatus, settleLine } from "@/db/queries/payment-batches";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-working-day-calendar";
import { AppError, ValidationError } from "@/lib/errors/app-error";
import { MAX_REASON_CHARS } from "../domain/transitions";
import { batchIdOf } from "./batch-id";
import { stepCase, workflowRowIn } from "./case-step";
import { BatchChangedError, pendingLinesOf, settleableBatch } from "./confirm-batch-paid";

// 登记支付失败: the bank returned a line (wrong account, closed card …). The
// line stays in the batch as history with the reason; the case goes
// in_batch → payment_failed and back to its township, which corrects the bank
// details (correct-bank-details.ts). The payment clock keeps running: the
// money is still due 10 working days after approval.

export async function markPaymentLineFailed(ctx: UseCaseContext, batchId: unknown, input: { lineId?: unknown; reason?: unknown }): Promise<{ status: string }> {
  await requirePermission(ctx, "applications.pay", { objectType: "payment_batch", objectId: String(batchId ?? "").slice(0, 20) });
  const lineId = batchIdOf(input.lineId);
  const reason = typeof input.reason === "string" ? input.reason.trim() : "";
  if (!reason) throw new ValidationError("reason", "请填写银行退回的原因（如账号有误、户名不符）");
  if ([...reason].length > MAX_REASON_CHARS) throw new ValidationError("reason", `退回原因不能超过 ${MAX_REASON_CHARS} 个字，请精简`);

  const batch = await settleableBatch(ctx, batchId);
  const [line] = await pendingLinesOf(ctx, batch.id, [lineId]);
  const on = todayOf(ctx);
  const calendar = await loadWorkingDayCalendar(ctx.db);
  return inTransaction(ctx.db, async (tx) => {
    if (!(await settleLine(tx, line!.id, { status: "failed", failureReason: reason }))) throw new BatchChangedError();
    const row = await workflowRowIn(tx, line!.applicationId);
    try {
      await stepCase(ctx, tx, { row, version: null, command: { action: "mark_payment_failed", reason }, reason, detail: { batchNo: batch.batchNo } }, on, calendar);
    } catch (err) {
      throw err instanceof AppError ? new AppError(err.code, `${line!.caseNo}：${err.message}`, err.field) : err;
    }
    const status = await settleBatchStatus(tx, batch.id);
    await insertAudit(
      tx,
      auditRow(ctx.actor, { action: "applications.fail_batch_line", objectType: "payment_batch", objectId: String(batch.id), detail: { batchNo: batch.batchNo, caseNo: line!.caseNo, reason } }),
    );
    return { status };
  });
}
