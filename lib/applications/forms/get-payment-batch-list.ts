import "server-only";
import { divisionNames, findBatchForForm } from "@/db/queries/application-forms";
import { insertAudit } from "@/db/queries/audit";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { idCrypto } from "@/lib/crypto/data-keys";
import { NotFoundError } from "@/lib/errors/app-error";
import { formatYuan, money, ZERO } from "@/lib/money/money";
import { maskBankAccount } from "../domain/intake-input";
import { countyOffice } from "../domain/print-forms";

const STATUS_NAMES = { open: "待发送", sent: "已发送银行", confirmed: "银行已确认", cancelled: "已作废" } as const;
const LINE_NAMES = { pending: "待支付", paid: "已支付", failed: "支付失败", removed: "已移出" } as const;

/**
 * 支付批次清单 for signing (经办 / 复核 / 负责人): every line with 户名, the
 * masked account, 开户行 and amount, the count and the total. The payment
 * clerk's (applications.pay) for a batch of the county in the jurisdiction;
 * the holder names are opened for the print, and the print is audited.
 */
export async function getPaymentBatchList(ctx: UseCaseContext, batchId: unknown) {
  const n = typeof batchId === "string" && /^\d{1,9}$/.test(batchId) ? Number(batchId) : NaN;
  await requirePermission(ctx, "applications.pay", { objectType: "payment_batch", objectId: String(batchId).slice(0, 12) });
  if (!Number.isSafeInteger(n)) throw new NotFoundError("找不到该支付批次，可能链接有误。");
  const batch = await findBatchForForm(ctx.db, n);
  if (!batch) throw new NotFoundError("找不到该支付批次，可能链接有误。");
  await requireWithin(ctx, batch.countyCode, "applications.pay", { objectType: "payment_batch", objectId: String(n) });
  const names = await divisionNames(ctx.db, [batch.countyCode]);
  const keys = idCrypto();
  await insertAudit(ctx.db, auditRow(ctx.actor, { action: "applications.print_batch", objectType: "payment_batch", objectId: String(n), detail: { batchNo: batch.batchNo, lines: batch.lines.length } }));
  // Lines taken out before the file went to the bank (移出批次) are not on the printed list at all.
  const listed = batch.lines.filter((l) => l.status !== "removed");
  const live = listed.filter((l) => l.status !== "failed");
  const total = live.reduce((acc, l) => acc.plus(money(l.amount)), ZERO);
  return {
    office: countyOffice(names.get(batch.countyCode) ?? batch.countyCode),
    batchNo: batch.batchNo,
    createdOn: batch.createdOn,
    statusName: STATUS_NAMES[batch.status],
    creatorName: batch.creatorName,
    lines: listed.map((l, i) => ({
      n: i + 1,
      caseNo: l.caseNo,
      holder: l.bankHolderSealed ? keys.open(l.bankHolderSealed) : "—",
      account: l.bankAccountTail ? maskBankAccount(l.bankAccountTail, l.bankAccountHead ?? undefined) : "—",
      bankName: l.bankName ?? "—",
      amount: formatYuan(l.amount),
      statusName: LINE_NAMES[l.status],
      failed: l.status === "failed",
    })),
    count: live.length,
    total: formatYuan(total),
    printedOn: todayOf(ctx),
  };
}

export type PaymentBatchList = Awaited<ReturnType<typeof getPaymentBatchList>>;
