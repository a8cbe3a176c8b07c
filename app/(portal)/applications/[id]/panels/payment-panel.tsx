import type { ApplicationView } from "@/lib/applications/domain/application-view";
import { paymentLinesOfApplication } from "@/lib/applications/payments/payment-lines-of-application";
import { requireContext } from "@/lib/auth/current-actor";
import { correctBankAction } from "./payment-actions";
import { PanelForm } from "./panel-form";

/**
 * 资金支付: the case's batch lines (a returned or removed one stays as history) and, when
 * the bank returned the payment, the township's form for the corrected account.
 */
export async function PaymentPanel({ app }: { app: ApplicationView }) {
  const lines = await paymentLinesOfApplication(await requireContext(), app.id);
  return (
    <div className="space-y-3 text-sm">
      {lines.length === 0 ? (
        <p className="text-slate-600">已审批，等待医保经办员编入支付批次（审批后 10 个工作日内支付）。</p>
      ) : (
        <ul className="space-y-1" data-testid="payment-lines">
          {lines.map((l) => (
            <li key={l.id}>
              <span className="font-mono">{l.batchNo}</span> · {l.amount} 元 · <span className={l.status === "failed" ? "text-red-700" : l.status === "paid" ? "text-emerald-700" : ""}>{l.statusName}</span>
              {l.status === "paid" ? `（${l.paidOn}，流水号 ${l.bankReference}）` : l.status === "removed" ? `（${l.removedOn}）：${l.removedReason}` : l.failureReason ? `：${l.failureReason}` : ""}
            </li>
          ))}
        </ul>
      )}
      {app.actions.includes("correct_bank_details") ? (
        <>
          <p className="text-slate-600">银行退回了这笔支付。请核实申请人的银行账户后填写更正后的户名、开户行和账号；更正后案件重新待支付，原支付时限不变。</p>
          <PanelForm
            testId="correct-bank-form"
            version={app.version}
            action={correctBankAction.bind(null, app.id)}
            submitLabel="保存更正后的银行账户"
            fields={[
              { name: "bankHolder", label: "户名" },
              { name: "bankName", label: "开户行", placeholder: "如 中国农业银行隆回县支行" },
              { name: "bankAccount", label: "账号", placeholder: "12 至 30 位数字" },
            ]}
          />
        </>
      ) : null}
    </div>
  );
}
