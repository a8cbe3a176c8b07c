import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { batchLines, cancelEmptyBatch, findBatch, lockBatch } from "@/db/queries/payment-batches";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { accountId } from "@/lib/auth/domain/actor";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { AppError, NotFoundError, ValidationError } from "@/lib/errors/app-error";
import { MAX_REASON_CHARS } from "../domain/transitions";
import { batchIdOf } from "./batch-id";

// 作废批次: a batch that never went to the bank and whose every line was taken
// out (移出批次) is closed for good with a reason, instead of lying open and
// empty in the list. Its removed lines stay as its history; its 批次号 is not
// reused (numbers count every batch of the year). Only an open batch with no
// line but removed ones: anything else holds money owed or paid.

export async function cancelPaymentBatch(ctx: UseCaseContext, batchId: unknown, input: { reason?: unknown }): Promise<{ batchNo: string; removedLines: number }> {
  await requirePermission(ctx, "applications.pay", { objectType: "payment_batch", objectId: String(batchId ?? "").slice(0, 20) });
  const id = batchIdOf(batchId);
  const reason = typeof input.reason === "string" ? input.reason.trim() : "";
  if (!reason) throw new ValidationError("reason", "请填写作废批次的原因");
  if ([...reason].length > MAX_REASON_CHARS) throw new ValidationError("reason", `作废原因不能超过 ${MAX_REASON_CHARS} 个字，请精简`);
  const batch = await findBatch(ctx.db, id);
  if (!batch) throw new NotFoundError("找不到该支付批次，可能链接有误。");
  await requireWithin(ctx, batch.countyCode, "applications.pay", { objectType: "payment_batch", objectId: String(id) });
  const on = todayOf(ctx);
  return inTransaction(ctx.db, async (tx) => {
    // Under the batch's row lock: no export or removal runs beside us.
    const status = await lockBatch(tx, id);
    if (status === "cancelled") throw new AppError("conflict", `批次 ${batch.batchNo} 已作废`);
    if (status !== "open") throw new AppError("conflict", `批次 ${batch.batchNo} 已导出发送银行，不能作废`);
    const lines = await batchLines(tx, id);
    const live = lines.filter((l) => l.status !== "removed").length;
    if (live > 0) throw new AppError("conflict", `批次 ${batch.batchNo} 还有 ${live} 笔明细，只有全部移出后才能作废`);
    if (!(await cancelEmptyBatch(tx, id, { reason, on, userId: accountId(ctx.actor) }))) throw new AppError("conflict", `批次 ${batch.batchNo} 刚被他人变更，请刷新页面`);
    await insertAudit(
      tx,
      auditRow(ctx.actor, {
        action: "applications.cancel_batch",
        objectType: "payment_batch",
        objectId: String(id),
        detail: { batchNo: batch.batchNo, reason, removedLines: lines.length },
      }),
    );
    return { batchNo: batch.batchNo, removedLines: lines.length };
  });
}
