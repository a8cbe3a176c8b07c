import "server-only";
import { batchLines, findBatch } from "@/db/queries/payment-batches";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { NotFoundError } from "@/lib/errors/app-error";
import { Money, ZERO } from "@/lib/money/money";
import { maskBankAccount } from "../domain/intake-input";
import { batchIdOf } from "./batch-id";

export const BATCH_STATUS_NAMES = { open: "待发送银行", sent: "已发送银行", confirmed: "已确认", cancelled: "已作废" } as const;
export const LINE_STATUS_NAMES = { pending: "待银行确认", paid: "已支付", failed: "银行退回", removed: "已移出批次" } as const;

/** One batch with its lines for the batch page: accounts masked, never opened here. */
export async function showPaymentBatch(ctx: UseCaseContext, batchId: unknown) {
  await requirePermission(ctx, "applications.pay", { objectType: "payment_batch", objectId: String(batchId ?? "").slice(0, 20) });
  const id = batchIdOf(batchId);
  const batch = await findBatch(ctx.db, id);
  if (!batch) throw new NotFoundError("找不到该支付批次，可能链接有误。");
  await requireWithin(ctx, batch.countyCode, "applications.pay", { objectType: "payment_batch", objectId: String(id) });
  const lines = (await batchLines(ctx.db, id)).map((l) => ({
    id: l.id,
    applicationId: l.applicationId,
    caseNo: l.caseNo,
    name: l.name,
    bankName: l.bankName,
    accountMasked: l.bankAccountTail ? maskBankAccount(l.bankAccountTail, l.bankAccountHead ?? undefined) : null,
    amount: new Money(l.amount).toFixed(2),
    status: l.status,
    statusName: LINE_STATUS_NAMES[l.status],
    paidOn: l.paidOn,
    bankReference: l.bankReference,
    failureReason: l.failureReason,
    removedReason: l.removedReason,
    removedOn: l.removedOn,
    removedByName: l.removedByName,
  }));
  const sum = (pick: (l: (typeof lines)[number]) => boolean) => lines.filter(pick).reduce((s, l) => s.plus(l.amount), ZERO).toFixed(2);
  return {
    id: batch.id,
    batchNo: batch.batchNo,
    createdOn: batch.createdOn,
    status: batch.status,
    statusName: BATCH_STATUS_NAMES[batch.status],
    cancelReason: batch.cancelReason,
    cancelledOn: batch.cancelledOn,
    lines,
    /** Lines in the batch's count: removed ones (移出批次) are history only. */
    count: lines.filter((l) => l.status !== "removed").length,
    removedCount: lines.filter((l) => l.status === "removed").length,
    total: sum((l) => l.status !== "failed" && l.status !== "removed"),
    paidTotal: sum((l) => l.status === "paid"),
    pending: lines.filter((l) => l.status === "pending").length,
  };
}
