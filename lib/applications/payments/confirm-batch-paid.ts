import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { batchLines, findBatch, settleBatchStatus, settleLine } from "@/db/queries/payment-batches";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { isIsoDate } from "@/lib/calendar/domain/iso-date";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-working-day-calendar";
import { AppError, NotFoundError, ValidationError } from "@/lib/errors/app-error";
import { Money, ZERO } from "@/lib/money/money";
import { batchIdOf, lineIdsOf } from "./batch-id";
import { stepCase, workflowRowIn } from "./case-step";

// 确认支付: the bank's receipt (回单) confirms the batch, or chosen lines of it,
// with the date and the bank's reference. Each case goes in_batch → paid with
// the line's amount. A line is settled only while it is pending
// (`UPDATE … WHERE status = 'pending'`), so two clicks or two requests at once
// give one payment: the second finds nothing pending and is told so.

export type ConfirmInput = { lineIds?: unknown; paidOn?: unknown; reference?: unknown };

export class BatchChangedError extends AppError {
  constructor() {
    super("conflict", "该批次刚被他人确认或登记退回，请刷新页面查看最新状态。");
  }
}

function textOf(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

/** The batch within the actor's county, for the steps after the bank's answer (sent, not yet confirmed). */
export async function settleableBatch(ctx: UseCaseContext, batchId: unknown) {
  const id = batchIdOf(batchId);
  const batch = await findBatch(ctx.db, id);
  if (!batch) throw new NotFoundError("找不到该支付批次，可能链接有误。");
  await requireWithin(ctx, batch.countyCode, "applications.pay", { objectType: "payment_batch", objectId: String(id) });
  if (batch.status === "open") throw new AppError("conflict", `批次 ${batch.batchNo} 尚未导出发送银行，不能登记银行回单`);
  return batch;
}

/** The pending lines to settle: the chosen ones (each must be pending) or every pending one. */
export async function pendingLinesOf(ctx: UseCaseContext, batchId: number, chosen: number[]) {
  const lines = await batchLines(ctx.db, batchId);
  if (chosen.length === 0) {
    const pending = lines.filter((l) => l.status === "pending");
    if (pending.length === 0) throw new AppError("conflict", "该批次已没有待确认的明细，可能已经确认过，请刷新页面");
    return pending;
  }
  return chosen.map((lineId) => {
    const line = lines.find((l) => l.id === lineId);
    if (!line) throw new ValidationError("lineIds", "所选明细不属于该批次，请刷新页面后重选");
    if (line.status !== "pending") throw new AppError("conflict", `${line.caseNo} ${line.status === "paid" ? "已确认支付" : line.status === "removed" ? "已移出本批次" : "已登记退回"}，不能重复办理`);
    return line;
  });
}

export async function confirmBatchPaid(ctx: UseCaseContext, batchId: unknown, input: ConfirmInput): Promise<{ confirmed: number; total: string; status: string }> {
  await requirePermission(ctx, "applications.pay", { objectType: "payment_batch", objectId: String(batchId ?? "").slice(0, 20) });
  const chosen = lineIdsOf(input.lineIds);
  const paidOn = textOf(input.paidOn);
  const on = todayOf(ctx);
  if (!isIsoDate(paidOn)) throw new ValidationError("paidOn", "请填写银行支付日期，格式 YYYY-MM-DD");
  if (paidOn > on) throw new ValidationError("paidOn", `支付日期 ${paidOn} 晚于今天`);
  const reference = textOf(input.reference);
  if (!reference) throw new ValidationError("reference", "请填写银行回单上的支付流水号");
  if ([...reference].length > 100) throw new ValidationError("reference", "银行流水号不能超过 100 个字");

  const batch = await settleableBatch(ctx, batchId);
  const lines = await pendingLinesOf(ctx, batch.id, chosen);
  const calendar = await loadWorkingDayCalendar(ctx.db);
  const total = lines.reduce((sum, l) => sum.plus(l.amount), ZERO).toFixed(2);
  return inTransaction(ctx.db, async (tx) => {
    for (const line of lines) {
      // The line first: it locks the row, and a second confirmation finds it no longer pending.
      if (!(await settleLine(tx, line.id, { status: "paid", paidOn, bankReference: reference }))) throw new BatchChangedError();
      const row = await workflowRowIn(tx, line.applicationId);
      const amount = new Money(line.amount).toFixed(2);
      try {
        await stepCase(
          ctx,
          tx,
          { row, version: null, command: { action: "confirm_paid", paidOn, reference }, patch: { paidAmount: amount, paidOn }, reason: reference, detail: { batchNo: batch.batchNo, amount, paidOn } },
          on,
          calendar,
        );
      } catch (err) {
        throw err instanceof AppError ? new AppError(err.code, `${line.caseNo}：${err.message}`, err.field) : err;
      }
    }
    const status = await settleBatchStatus(tx, batch.id);
    await insertAudit(
      tx,
      auditRow(ctx.actor, {
        action: "applications.confirm_batch",
        objectType: "payment_batch",
        objectId: String(batch.id),
        detail: { batchNo: batch.batchNo, count: lines.length, total, paidOn, reference, whole: chosen.length === 0 },
      }),
    );
    return { confirmed: lines.length, total, status };
  });
}
