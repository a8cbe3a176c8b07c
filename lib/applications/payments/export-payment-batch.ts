import "server-only";
import { batchLines, findBatch, lockBatch, markBatchSent } from "@/db/queries/payment-batches";
import { inTransaction } from "@/db/transaction";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { idCrypto } from "@/lib/crypto/data-keys";
import { AppError } from "@/lib/errors/app-error";
import { auditedXlsx } from "@/lib/export/audited-export";
import type { Sheet } from "@/lib/export/domain/sheet";
import { Money, ZERO } from "@/lib/money/money";
import { batchIdOf } from "./batch-id";

// 导出代发文件: the batch in the layout a bank's 代发 service takes — 户名,
// 账号, 开户行, 金额, 摘要, one line per payee, then the total and count. The
// account holders and numbers are unsealed for this file only: the export
// needs applications.pay and is audited (who, batch, count, total — never the
// numbers). Only pending lines go in, so a re-download after a partial bank
// confirmation cannot pay anyone twice. The first export marks the batch sent.

export const BANK_COLUMNS: Sheet["columns"] = [
  { header: "户名", key: "holder", width: 14 },
  // Text: a 19-digit account typed as a number would lose its last digits in Excel.
  { header: "账号", key: "account", width: 26, numFmt: "@" },
  { header: "开户行", key: "bank", width: 30 },
  // Text with two decimals: the amount exact to the cent, as the bank reads it.
  { header: "金额", key: "amount", width: 14, numFmt: "@" },
  { header: "摘要", key: "memo", width: 32 },
];

export async function exportPaymentBatch(ctx: UseCaseContext, batchId: unknown): Promise<{ fileName: string; body: Buffer; count: number; total: string }> {
  await requirePermission(ctx, "applications.pay", { objectType: "payment_batch", objectId: String(batchId ?? "").slice(0, 20) });
  const id = batchIdOf(batchId);
  const batch = await findBatch(ctx.db, id);
  if (!batch) throw new AppError("not_found", "找不到该支付批次，可能链接有误。");
  await requireWithin(ctx, batch.countyCode, "applications.pay", { objectType: "payment_batch", objectId: String(id) });
  const keys = idCrypto();
  // The lines are read under the batch's row lock: a removal (remove-batch-line.ts) either finished
  // before (its line is not in the file) or waits and then finds the batch sent.
  const { body, detail } = await inTransaction(ctx.db, async (tx) => {
    await lockBatch(tx, id);
    const lines = (await batchLines(tx, id)).filter((l) => l.status === "pending");
    if (lines.length === 0) throw new AppError("conflict", `批次 ${batch.batchNo} 没有待支付的明细（已全部确认或退回），无需再发送银行`);
    const total = lines.reduce((sum, l) => sum.plus(l.amount), ZERO);
    const rows = [
      ...lines.map((l) => ({
        holder: keys.open(l.bankHolderSealed!),
        account: keys.open(l.bankAccountSealed!),
        bank: l.bankName,
        amount: new Money(l.amount).toFixed(2),
        memo: `医疗救助 ${l.caseNo}`,
      })),
      { holder: "合计", account: `共 ${lines.length} 笔`, bank: null, amount: total.toFixed(2), memo: `批次 ${batch.batchNo}` },
    ];
    const detail = { batchNo: batch.batchNo, count: lines.length, total: total.toFixed(2) };
    const file = await auditedXlsx(ctx, [{ name: "代发明细", columns: BANK_COLUMNS, rows }], {
      action: "applications.export_batch",
      objectType: "payment_batch",
      objectId: String(id),
      detail,
      db: tx,
      now: ctx.now?.(),
    });
    await markBatchSent(tx, id);
    return { body: file, detail };
  });
  return { fileName: `代发文件-${batch.batchNo}.xlsx`, body, count: detail.count, total: detail.total };
}
