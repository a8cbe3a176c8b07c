import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { batchLines, findBatch, lockBatch, markLineRemoved } from "@/db/queries/payment-batches";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { accountId } from "@/lib/auth/domain/actor";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-working-day-calendar";
import { AppError, NotFoundError, ValidationError } from "@/lib/errors/app-error";
import { Money, ZERO } from "@/lib/money/money";
import { MAX_REASON_CHARS } from "../domain/transitions";
import { batchIdOf } from "./batch-id";
import { stepCase, workflowRowIn } from "./case-step";

// 移出支付批次: a case taken out of a batch the bank has not received yet
// (open: the 代发 file not exported) — a wrong amount spotted, a payee who
// died. The line stays in the batch as removed, with the reason, the day and
// who (shown struck through on the batch page; outside the count, the total,
// the bank file and the printed list), the case goes in_batch → approved
// through the state machine and is payable again; the transition and the
// audit rows keep the reason too. A batch left with only removed lines can be
// cancelled (cancel-payment-batch.ts).
// Once the file has gone to the bank a line can only be confirmed or
// returned (mark-payment-line-failed.ts): the bank may already be paying it.

export type RemovedLine = { caseNo: string; amount: string; count: number; total: string };

const notOpen = (batchNo: string) => new AppError("conflict", `批次 ${batchNo} 已导出发送银行，不能再移出明细；如银行未能支付，请登记银行退回`);

export async function removeBatchLine(ctx: UseCaseContext, batchId: unknown, input: { lineId?: unknown; reason?: unknown }): Promise<RemovedLine> {
  await requirePermission(ctx, "applications.pay", { objectType: "payment_batch", objectId: String(batchId ?? "").slice(0, 20) });
  const id = batchIdOf(batchId);
  const lineId = batchIdOf(input.lineId);
  const reason = typeof input.reason === "string" ? input.reason.trim() : "";
  if (!reason) throw new ValidationError("reason", "请填写移出支付批次的原因");
  if ([...reason].length > MAX_REASON_CHARS) throw new ValidationError("reason", `移出原因不能超过 ${MAX_REASON_CHARS} 个字，请精简`);

  const batch = await findBatch(ctx.db, id);
  if (!batch) throw new NotFoundError("找不到该支付批次，可能链接有误。");
  await requireWithin(ctx, batch.countyCode, "applications.pay", { objectType: "payment_batch", objectId: String(id) });
  if (batch.status !== "open") throw notOpen(batch.batchNo);
  const on = todayOf(ctx);
  const calendar = await loadWorkingDayCalendar(ctx.db);

  return inTransaction(ctx.db, async (tx) => {
    // The batch row locked first: an export running now either finished (sent, refused here) or waits for us.
    if ((await lockBatch(tx, id)) !== "open") throw notOpen(batch.batchNo);
    const lines = await batchLines(tx, id);
    const line = lines.find((l) => l.id === lineId);
    if (!line) throw new NotFoundError("该批次中没有这笔明细，可能已被移出，请刷新页面");
    if (!(await markLineRemoved(tx, id, lineId, { reason, on, userId: accountId(ctx.actor) }))) throw new AppError("conflict", `${line.caseNo} 已不是待支付状态，不能移出`);
    const row = await workflowRowIn(tx, line.applicationId);
    const amount = new Money(line.amount).toFixed(2);
    try {
      await stepCase(ctx, tx, { row, version: null, command: { action: "remove_from_batch", reason }, reason, detail: { batchNo: batch.batchNo, amount } }, on, calendar);
    } catch (err) {
      throw err instanceof AppError ? new AppError(err.code, `${line.caseNo}：${err.message}`, err.field) : err;
    }
    const rest = lines.filter((l) => l.id !== lineId && l.status !== "failed" && l.status !== "removed");
    const total = rest.reduce((sum, l) => sum.plus(l.amount), ZERO).toFixed(2);
    await insertAudit(
      tx,
      auditRow(ctx.actor, {
        action: "applications.remove_batch_line",
        objectType: "payment_batch",
        objectId: String(id),
        detail: { batchNo: batch.batchNo, caseNo: line.caseNo, amount, reason, count: rest.length, total },
      }),
    );
    return { caseNo: line.caseNo, amount, count: rest.length, total };
  });
}
