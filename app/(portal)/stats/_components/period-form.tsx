import type { Period } from "@/lib/statistics/domain/dashboard";

// The period selector: four small GET forms (月 / 季度 / 年 / 自定义), each
// sending exactly the parameters dashboard.ts documents (period=2026-11,
// period=2026-Q3, period=2026, from=…&to=…), with the division kept. No
// script needed; the chosen kind is highlighted.

function Kind({ active, label, division, children }: { active: boolean; label: string; division: string | null; children: React.ReactNode }) {
  return (
    <form method="get" className={`flex items-end gap-2 rounded border px-2.5 py-2 ${active ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-white"}`}>
      {division ? <input type="hidden" name="division" value={division} /> : null}
      <span className={`pb-2 text-sm font-medium whitespace-nowrap ${active ? "text-brand-800" : "text-slate-600"}`}>{label}</span>
      {children}
      <button className="rounded bg-brand-600 px-3 py-2 text-sm whitespace-nowrap text-white hover:bg-brand-700">查看</button>
    </form>
  );
}

export function PeriodForm({ period, today, division }: { period: Period; today: string; division: string | null }) {
  const year = Number(today.slice(0, 4));
  const years = Array.from({ length: 5 }, (_, i) => year - i);
  // Next year too: its enrolment (and the premium subsidy paid for it) is collected in this year's last months.
  const yearOptions = [year + 1, ...years];
  const quarters = years.flatMap((y) => [4, 3, 2, 1].map((q) => ({ y, q }))).filter(({ y, q }) => `${y}-${String(q * 3 - 2).padStart(2, "0")}` <= today.slice(0, 7));
  const sel = "rounded border border-slate-300 bg-white px-2 py-2 text-sm focus:border-brand-600 focus:outline-none";
  // The last 36 months, newest first.
  const months = Array.from({ length: 36 }, (_, i) => {
    const n = year * 12 + Number(today.slice(5, 7)) - 1 - i;
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`;
  });
  const current = { month: period.kind === "month" ? period.from.slice(0, 7) : today.slice(0, 7), quarter: period.kind === "quarter" ? `${period.from.slice(0, 4)}-Q${Math.ceil(Number(period.from.slice(5, 7)) / 3)}` : "", year: period.kind === "year" ? period.from.slice(0, 4) : String(year) };
  return (
    <div className="no-print mb-4 flex flex-wrap items-stretch gap-2" data-testid="period-form">
      <Kind active={period.kind === "month"} label="月" division={division}>
        <label className="sr-only" htmlFor="period-month">统计月份</label>
        <select id="period-month" name="period" defaultValue={current.month} className={sel}>
          {months.map((m) => (
            <option key={m} value={m}>{`${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`}</option>
          ))}
        </select>
      </Kind>
      <Kind active={period.kind === "quarter"} label="季度" division={division}>
        <label className="sr-only" htmlFor="period-quarter">统计季度</label>
        <select id="period-quarter" name="period" defaultValue={current.quarter || `${quarters[0]!.y}-Q${quarters[0]!.q}`} className={sel}>
          {quarters.map(({ y, q }) => (
            <option key={`${y}-Q${q}`} value={`${y}-Q${q}`}>{`${y}年第${q}季度`}</option>
          ))}
        </select>
      </Kind>
      <Kind active={period.kind === "year"} label="年" division={division}>
        <label className="sr-only" htmlFor="period-year">统计年度</label>
        <select id="period-year" name="period" defaultValue={current.year} className={sel}>
          {yearOptions.map((y) => (
            <option key={y} value={String(y)}>{y > year ? `${y}年（参保年度）` : `${y}年`}</option>
          ))}
        </select>
      </Kind>
      <Kind active={period.kind === "range"} label="自定义" division={division}>
        <label className="text-xs text-slate-500">
          起
          <input type="date" name="from" defaultValue={period.kind === "range" ? period.from : `${year}-01-01`} required className={`${sel} block w-40`} />
        </label>
        <label className="text-xs text-slate-500">
          止
          <input type="date" name="to" defaultValue={period.kind === "range" ? period.to : today} required className={`${sel} block w-40`} />
        </label>
      </Kind>
    </div>
  );
}
