"use client";

import { formatYuan } from "@/lib/money/money";
import type { TrialOutcome } from "@/lib/policies/run-trial-settlement";
import type { TraceEntry } from "@/lib/settlement/types";
import { ruleText } from "@/lib/claims/domain/trace-text";

// The result of a 试算 as a clerk checks it by hand: each claim's amounts by
// tier, then every step in words (base − deductible, × ratio, within the
// limit → amount), then the totals. Prints on A4 without the navigation.

type Ok = Extract<TrialOutcome, { ok: true }>;

const TIERS = { basic: "基本医保", critical: "大病保险", assistance: "医疗救助", tilted: "倾斜救助/再救助" } as const;
const AMOUNTS = [
  ["basic", "基本医保"],
  ["critical", "大病保险"],
  ["assistance", "医疗救助"],
  ["tilted", "倾斜救助"],
  ["selfPaid", "个人自付（政策范围内）"],
] as const;

const yuan = (v: string) => formatYuan(v);

/** "基数 ¥24,000.00，扣除起付线 ¥5,500.00，× 65%，受年度限额 ¥50,000.00 限制 → ¥12,025.00". */
function steps(t: TraceEntry): string {
  const parts = [`基数 ${yuan(t.base)}`];
  if (t.deductible) parts.push(`扣除起付线 ${yuan(t.deductible)}`);
  if (t.segments) parts.push(`分段：${t.segments.map((s) => `${s.range} ${yuan(s.base)} × ${s.ratio}`).join("；")}`);
  else if (t.ratio) parts.push(`× ${t.ratio}`);
  if (t.limit) parts.push(`受年度限额 ${yuan(t.limit)} 限制`);
  return `${parts.join("，")} → ${yuan(t.amount)}`;
}

export function TrialResult({ outcome }: { outcome: Ok }) {
  const { result, policyLabel, categoryName } = outcome;
  const claims = (outcome.request.claims as { id: string; date?: string; policyScopeCost?: string; outOfScopeCost?: string }[]) ?? [];
  const input = new Map(claims.map((c) => [c.id, c]));
  return (
    <section data-testid="trial-result" className="space-y-4 rounded border border-slate-200 bg-white p-5 print:border-0 print:p-0">
      <style>{"@media print { @page { size: A4; margin: 14mm; } }"}</style>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">医疗救助试算结果</h2>
          <p className="text-sm text-slate-600">政策：{policyLabel}</p>
          <p className="text-sm text-slate-600">救助对象类别：{categoryName}；共 {result.claims.length} 笔，按就医日期先后计算，年度内累计起付线和限额。</p>
          <p className="hidden text-xs text-slate-500 print:block">试算结果仅供参考，以经办机构审核结算为准。打印时间：{new Date().toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}</p>
        </div>
        <button type="button" onClick={() => window.print()} className="rounded border border-slate-300 px-4 py-2 text-sm hover:bg-slate-100 print:hidden">
          打印
        </button>
      </div>

      <table className="min-w-full text-sm" data-testid="trial-amounts">
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th className="py-1 pr-3 font-medium">就医</th>
            <th className="py-1 pr-3 text-right font-medium">政策范围内费用</th>
            {AMOUNTS.map(([key, label]) => (
              <th key={key} className="py-1 pr-3 text-right font-medium">{label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.claims.map((c) => (
            <tr key={c.id} data-claim={c.id} className="border-b border-slate-100">
              <td className="py-1 pr-3 whitespace-nowrap">第{c.id}笔 {input.get(c.id)?.date}</td>
              <td className="py-1 pr-3 text-right">{yuan(input.get(c.id)?.policyScopeCost ?? "0")}</td>
              {AMOUNTS.map(([key]) => (
                <td key={key} className="py-1 pr-3 text-right">{yuan(c[key])}</td>
              ))}
            </tr>
          ))}
          <tr data-testid="trial-totals" className="font-medium">
            <td className="py-1 pr-3">合计</td>
            <td />
            {AMOUNTS.map(([key]) => (
              <td key={key} className="py-1 pr-3 text-right">{yuan(result.totals[key])}</td>
            ))}
          </tr>
        </tbody>
      </table>

      <div className="space-y-3" data-testid="trial-trace">
        <h3 className="font-medium">计算过程</h3>
        {result.claims.map((c) => (
          <div key={c.id} className="break-inside-avoid">
            <p className="text-sm font-medium">第{c.id}笔（{input.get(c.id)?.date}）</p>
            <ol className="mt-1 list-decimal space-y-1 pl-6 text-sm">
              {c.trace.map((t, i) => (
                <li key={i}>
                  <span className="font-medium">{TIERS[t.tier]}</span>：{ruleText(t)}
                  <span className="block text-slate-600">{steps(t)}</span>
                </li>
              ))}
            </ol>
          </div>
        ))}
      </div>

      {result.monitoring ? (
        <div data-testid="trial-monitoring" className={`rounded border px-4 py-3 text-sm break-inside-avoid ${result.monitoring.flagged ? "border-amber-300 bg-amber-50" : "border-slate-200"}`}>
          <p className="font-medium">{result.monitoring.flagged ? "纳入因病返贫致贫监测预警" : "未达到监测预警标准"}</p>
          <p className="mt-1">{result.monitoring.basis}</p>
        </div>
      ) : null}
    </section>
  );
}
