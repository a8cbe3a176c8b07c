import { REPORT_INFO, type ReportKind } from "@/lib/statistics/reports/domain/report-rows";

// The report chooser: one small GET form per report (月报 / 季报 / 年度汇总),
// each with the periods of its own kind, so no combination can be wrong and
// no script is needed. The chosen report is highlighted.

const sel = "rounded border border-slate-300 bg-white px-2 py-2 text-sm focus:border-brand-600 focus:outline-none";

function periodsOf(kind: ReportKind, today: string): { value: string; label: string }[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (kind === "monthly") {
    return Array.from({ length: 24 }, (_, i) => {
      const n = year * 12 + month - 1 - i;
      const y = Math.floor(n / 12);
      const m = (n % 12) + 1;
      return { value: `${y}-${String(m).padStart(2, "0")}`, label: `${y}年${m}月` };
    });
  }
  if (kind === "quarterly") {
    return Array.from({ length: 12 }, (_, i) => {
      const n = year * 4 + Math.ceil(month / 3) - 1 - i;
      const y = Math.floor(n / 4);
      const q = (n % 4) + 1;
      return { value: `${y}-Q${q}`, label: `${y}年第${q}季度` };
    });
  }
  return Array.from({ length: 5 }, (_, i) => ({ value: String(year - i), label: `${year - i}年` }));
}

export function ReportForm({ kind, period, today, division }: { kind: ReportKind; period: string; today: string; division: string | null }) {
  return (
    <div className="no-print mb-5 flex flex-wrap items-stretch gap-2" data-testid="report-form">
      {(Object.keys(REPORT_INFO) as ReportKind[]).map((k) => {
        const active = k === kind;
        const options = periodsOf(k, today);
        return (
          <form key={k} method="get" className={`flex items-end gap-2 rounded border px-2.5 py-2 ${active ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-white"}`}>
            <input type="hidden" name="report" value={k} />
            {division ? <input type="hidden" name="division" value={division} /> : null}
            <span className={`pb-2 text-sm font-medium whitespace-nowrap ${active ? "text-brand-800" : "text-slate-600"}`}>{REPORT_INFO[k].short}</span>
            <label className="sr-only" htmlFor={`period-${k}`}>{`${REPORT_INFO[k].short}报告期`}</label>
            <select id={`period-${k}`} name="period" defaultValue={active ? period : options[0]!.value} className={sel}>
              {options.map((o) => (
                <option key={o.value} value={o.value}>{o.label}</option>
              ))}
            </select>
            <button className="rounded bg-brand-600 px-3 py-2 text-sm whitespace-nowrap text-white hover:bg-brand-700" data-testid={`open-${k}`}>查看</button>
          </form>
        );
      })}
    </div>
  );
}
