import type { ApplicationView } from "@/lib/applications/domain/application-view";
import { addReceiptAction, removeReceiptAction, setClaimsAction } from "./audit-actions";
import { loadAudit } from "./load-audit";
import { PanelForm, type FieldSpec } from "./panel-form";

// The township's part of the amount: the applicant's claims of the year that
// the ledger holds, ticked in (not typed again), and the receipts it lacks
// entered by hand with the claims import's checks.

const YES_NO = [["否", "否"], ["是", "是"]] as const;
const RECEIPT_FIELDS: FieldSpec[] = [
  { name: "receiptNo", label: "单据号（可空）", placeholder: "票据上的结算单号", hint: "不填则编为 MANUAL-申请编号-序号" },
  { name: "date", label: "结算日期", kind: "date" },
  { name: "hospital", label: "医疗机构", placeholder: "如：中南大学湘雅医院", wide: true },
  { name: "setting", label: "就诊类型", kind: "select", options: [["住院", "住院"], ["门诊", "门诊"]] },
  { name: "hospitalLevel", label: "医院等级", kind: "select", options: [["三级", "三级"], ["二级", "二级"], ["一级", "一级"]] },
  { name: "referred", label: "按规定转诊", kind: "select", options: [["是", "是"], ["否", "否"]] },
  { name: "inCity", label: "市域内", kind: "select", options: [["否", "否（市外）"], ["是", "是"]] },
  { name: "specialDisease", label: "特殊疾病", kind: "select", options: YES_NO },
  { name: "totalCost", label: "医疗总费用（元）", kind: "amount", placeholder: "12000.00" },
  { name: "policyScopeCost", label: "政策范围内费用（元）", kind: "amount" },
  { name: "basicPaid", label: "基本医保支付（元）", kind: "amount", hint: "空则按本政策计算" },
  { name: "criticalPaid", label: "大病保险支付（元）", kind: "amount", hint: "空则按本政策计算" },
  { name: "hospitalWaived", label: "医疗机构减免（元）", kind: "amount", hint: "没有则不填" },
  { name: "commercialPaid", label: "商业补充保险赔付（元）", kind: "amount", hint: "没有则不填" },
];

export async function ClaimsPanel({ app }: { app: ApplicationView }) {
  const loaded = await loadAudit(app.id);
  if (!loaded.ok) return <p className="text-sm text-red-700">{loaded.error.message}</p>;
  const d = loaded.data;
  if (!d.editClaims) return null;
  return (
    <div className="space-y-4" data-testid="claims-panel">
      <PanelForm testId="claims-form" version={app.version} action={setClaimsAction.bind(null, app.id)} submitLabel="保存勾选">
        <p className="text-sm text-slate-600">勾选计入本次申请的 {d.year} 年度医保结算记录（已计入其他申请的不能重复勾选）。</p>
        {d.ledger.length === 0 ? (
          <p className="text-sm text-slate-500">医保结算记录中没有申请人 {d.year} 年度的记录，可在下方手工录入结算单据。</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-xs">
              <thead className="text-left text-slate-500">
                <tr>
                  <th className="py-1 pr-2 whitespace-nowrap">计入</th>
                  <th className="pr-2">日期</th>
                  <th className="pr-2">医疗机构</th>
                  <th className="pr-2 text-right">政策内</th>
                  <th className="text-right whitespace-nowrap">医保后余额</th>
                </tr>
              </thead>
              <tbody>
                {d.ledger.map((c) => (
                  <tr key={c.id} className="border-t border-slate-100">
                    <td className="py-1 pr-2">
                      {c.takenBy ? (
                        <span className="text-slate-400" title={`已计入 ${c.takenBy}`}>已计入{c.takenBy.slice(-4)}</span>
                      ) : (
                        <input type="checkbox" name="claimId" value={c.id} defaultChecked={c.ticked} aria-label={`计入 ${c.externalId}`} />
                      )}
                    </td>
                    <td className="pr-2 whitespace-nowrap">{c.date} {c.setting}</td>
                    <td className="pr-2">{c.hospitalName}<span className="block text-slate-400">{c.externalId}</span></td>
                    <td className="pr-2 text-right tabular-nums">{c.policyScopeCost}</td>
                    <td className="text-right tabular-nums">{c.left}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </PanelForm>
      <div>
        <h4 className="mb-1 text-sm font-medium text-slate-700">手工录入的结算单据</h4>
        {d.receipts.length === 0 ? (
          <p className="mb-2 text-xs text-slate-500">暂无。市外就医、纸质票据等医保平台没有的单据在此录入，校验规则与结算记录导入相同。</p>
        ) : (
          <ul className="mb-2 space-y-1 text-xs" data-testid="receipt-list">
            {d.receipts.map((r) => (
              <li key={r.id} className="flex items-center justify-between gap-2 rounded bg-slate-50 px-2 py-1">
                <span className="min-w-0">
                  {r.date} {r.setting} · {r.hospitalName}{r.inCity ? "" : "（市外）"} · 政策内 {r.policyScopeCost} 元，医保后余额 {r.left} 元
                  {r.hospitalWaived ? `，医疗机构减免 ${r.hospitalWaived} 元` : ""}{r.commercialPaid ? `，商业补充保险 ${r.commercialPaid} 元` : ""}
                  <span className="block text-slate-400">{r.receiptNo}</span>
                </span>
                <span className="shrink-0 whitespace-nowrap">
                <PanelForm
                  testId="remove-receipt-form"
                  version={app.version}
                  action={removeReceiptAction.bind(null, app.id)}
                  hidden={{ receiptId: r.id }}
                  submitLabel="删除"
                  tone="small"
                  confirm={`确认删除结算单据 ${r.receiptNo}？`}
                />
                </span>
              </li>
            ))}
          </ul>
        )}
        <details className="rounded border border-slate-200 p-2">
          <summary className="cursor-pointer text-sm text-brand-700">录入一张结算单据</summary>
          <div className="mt-2">
            <PanelForm testId="receipt-form" version={app.version} action={addReceiptAction.bind(null, app.id)} submitLabel="录入单据" tone="plain" fields={RECEIPT_FIELDS} columns={2} />
          </div>
        </details>
      </div>
    </div>
  );
}
