import Link from "next/link";
import type { CalendarDay, getYearCalendar } from "@/lib/calendar/get-year-calendar";
import { KIND_STYLE, MonthGrid } from "./month-grid";

type YearCalendar = Awaited<ReturnType<typeof getYearCalendar>>;

const time = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" });
const md = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8))}日`;

/** Holidays as the notice states them (春节：1月28日–2月4日，共8天) and the make-up working days. */
function summary(days: CalendarDay[]) {
  const holidays = new Map<string, string[]>();
  for (const d of days) if (d.kind === "holiday") holidays.set(d.holiday!, [...(holidays.get(d.holiday!) ?? []), d.date]);
  const makeup = days.filter((d) => d.kind === "makeup").map((d) => d.date);
  return { holidays: [...holidays].map(([name, dates]) => ({ name, dates })), makeup };
}

function Legend() {
  const items: [CalendarDay["kind"], string][] = [["workday", "工作日"], ["weekend", "周末"], ["holiday", "法定节假日（休）"], ["makeup", "调休上班（班）"]];
  return (
    <ul className="flex flex-wrap gap-4 text-sm" aria-label="图例">
      {items.map(([kind, label]) => (
        <li key={kind} className="flex items-center gap-1.5">
          <span className={`inline-block h-4 w-4 rounded border border-slate-300 ${KIND_STYLE[kind]}`} />
          {label}
        </li>
      ))}
    </ul>
  );
}

export function YearView({ data, years }: { data: YearCalendar; years: number[] }) {
  const { holidays, makeup } = summary(data.months.flatMap((m) => m.days));
  const prev = years.includes(data.year - 1) ? data.year - 1 : null;
  const next = years.includes(data.year + 1) ? data.year + 1 : null;
  return (
    <section data-testid="year-view" aria-label={`${data.year}年年历`} className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 className="text-lg font-semibold">
          {prev ? <Link className="mr-3 text-sm font-normal text-brand-600 hover:underline" href={`/admin/calendar?year=${prev}`}>‹ {prev}年</Link> : null}
          {data.year}年年历
          {next ? <Link className="ml-3 text-sm font-normal text-brand-600 hover:underline" href={`/admin/calendar?year=${next}`}>{next}年 ›</Link> : null}
        </h2>
        <Legend />
      </div>
      {data.provisionalNotice ? <p data-testid="year-provisional" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{data.provisionalNotice}</p> : null}
      <p className="text-sm text-slate-600">
        依据：{data.source}。全年工作日 {data.totals.workday + data.totals.makeup} 天（含调休上班 {data.totals.makeup} 天），法定节假日放假 {data.totals.holiday} 天。
      </p>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-4">
        {data.months.map((m) => (
          <MonthGrid key={m.month} month={m} />
        ))}
      </div>
      <div className="grid gap-4 text-sm md:grid-cols-2">
        <div data-testid="holiday-summary">
          <h3 className="mb-1 font-medium">放假安排</h3>
          <ul className="space-y-0.5">
            {holidays.map((h) => (
              <li key={h.name}>{h.name}：{md(h.dates[0]!)}{h.dates.length > 1 ? `–${md(h.dates.at(-1)!)}` : ""}，共 {h.dates.length} 天</li>
            ))}
          </ul>
          <h3 className="mt-2 mb-1 font-medium">调休上班</h3>
          <p>{makeup.length > 0 ? makeup.map(md).join("、") : "无"}</p>
        </div>
        <div>
          <h3 className="mb-1 font-medium">版本记录</h3>
          <ul className="space-y-0.5 text-slate-600">
            {data.history.map((h) => (
              <li key={h.version}>
                第 {h.version} 版 · {h.loadedBy ?? "系统内置"} · {time.format(h.loadedAt)}
                {h.note ? ` · ${h.note}` : ""}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
