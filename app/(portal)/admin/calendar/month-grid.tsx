import type { CalendarDay, CalendarMonth } from "@/lib/calendar/get-year-calendar";

// One month, weeks from Monday to Sunday as Chinese wall calendars print them.
const HEAD = ["一", "二", "三", "四", "五", "六", "日"];
const WEEKDAY = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

export const KIND_STYLE: Record<CalendarDay["kind"], string> = {
  workday: "bg-white text-slate-900",
  weekend: "bg-slate-200 text-slate-500",
  holiday: "bg-red-100 font-semibold text-red-800",
  makeup: "bg-amber-100 font-semibold text-amber-900",
};

const KIND_WORD: Record<CalendarDay["kind"], string> = { workday: "工作日", weekend: "周末", holiday: "放假", makeup: "调休上班" };

export function dayLabel(d: CalendarDay): string {
  const name = d.holiday ? `${d.holiday} ` : "";
  return `${Number(d.date.slice(5, 7))}月${d.day}日 ${WEEKDAY[d.weekday]} ${name}${KIND_WORD[d.kind]}`;
}

export function MonthGrid({ month }: { month: CalendarMonth }) {
  const lead = ((month.days[0]?.weekday ?? 1) + 6) % 7;
  return (
    <div className="rounded border border-slate-200 bg-white p-2" data-month={month.month}>
      <h3 className="mb-1 text-center text-sm font-medium">{month.month}月</h3>
      <div className="grid grid-cols-7 gap-px text-center text-xs">
        {HEAD.map((h) => (
          <div key={h} className="py-0.5 text-slate-500">{h}</div>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <div key={`lead-${i}`} />
        ))}
        {month.days.map((d) => (
          <div
            key={d.date}
            data-date={d.date}
            data-kind={d.kind}
            title={dayLabel(d)}
            aria-label={dayLabel(d)}
            className={`relative rounded py-1 ${KIND_STYLE[d.kind]}`}
          >
            {d.day}
            {d.kind === "holiday" ? <span className="absolute top-0 right-0.5 text-[9px] leading-none">休</span> : null}
            {d.kind === "makeup" ? <span className="absolute top-0 right-0.5 text-[9px] leading-none">班</span> : null}
          </div>
        ))}
      </div>
    </div>
  );
}
