import type { ApplicationView } from "@/lib/applications/domain/application-view";
import { recoveryOfApplication } from "@/lib/applications/payments/recovery-of-application";
import { todayOf } from "@/lib/auth/context";
import { requireContext } from "@/lib/auth/current-actor";
import { PanelForm } from "./panel-form";
import { recoveryReceivedAction } from "./recovery-actions";

/**
 * 救助金追回: shown when a paid grant was revoked (公示异议复核撤销救助) — the
 * amount to recover, why, and once it came back the day and reference; the
 * payment clerk records 追回到账 here.
 */
export async function RecoveryPanel({ app }: { app: ApplicationView }) {
  const ctx = await requireContext();
  const r = await recoveryOfApplication(ctx, app.id);
  if (!r) return null;
  return (
    <section data-testid="recovery" data-recovered={r.recoveredOn ? "yes" : "no"} className={`rounded border p-4 text-sm ${r.recoveredOn ? "border-slate-200 bg-white" : "border-amber-300 bg-amber-50"}`}>
      <h2 className="mb-2 font-medium text-slate-800">救助金追回</h2>
      <dl className="grid grid-cols-[8em_minmax(0,1fr)] gap-x-3 gap-y-1">
        <dt className="text-slate-500">应追回金额</dt>
        <dd className="font-medium tabular-nums">{r.amount} 元</dd>
        <dt className="text-slate-500">原支付日期</dt>
        <dd>{r.paidOn}</dd>
        <dt className="text-slate-500">追回原因</dt>
        <dd>{r.reason}</dd>
        <dt className="text-slate-500">登记</dt>
        <dd>{r.createdOn} · {r.createdByName ?? "—"}（公示异议复核撤销救助）</dd>
        <dt className="text-slate-500">追回状态</dt>
        <dd data-testid="recovery-status">
          {r.recoveredOn ? (
            <span className="text-emerald-700">已到账：{r.recoveredOn}，流水号 {r.recoveredReference}（{r.recoveredByName ?? "—"} 登记）</span>
          ) : (
            <span className="text-amber-800">待追回</span>
          )}
        </dd>
      </dl>
      {r.canRecord ? (
        <div className="mt-3 border-t border-amber-200 pt-3">
          <PanelForm
            testId="recovery-form"
            version={app.version}
            action={recoveryReceivedAction.bind(null, app.id)}
            submitLabel="登记追回到账"
            columns={2}
            confirm={`确认已追回 ${r.amount} 元？登记后不能更改。`}
            fields={[
              { name: "recoveredOn", label: "到账日期", kind: "date", defaultValue: todayOf(ctx) },
              { name: "reference", label: "银行流水号 / 缴款凭证号", placeholder: "如 NYYH20261205001" },
            ]}
          />
        </div>
      ) : null}
    </section>
  );
}
