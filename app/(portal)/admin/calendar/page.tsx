import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireContext } from "@/lib/auth/current-actor";
import { SHIPPED_SCHEDULES } from "@/lib/calendar/domain/schedules/shipped-schedules";
import { computeDeadlines } from "@/lib/calendar/compute-deadlines";
import { getYearCalendar } from "@/lib/calendar/get-year-calendar";
import { listHolidaySchedules } from "@/lib/calendar/list-holiday-schedules";
import { scheduleJson } from "@/lib/calendar/domain/schedule-summary";
import { loadForPage } from "@/lib/http/page-errors";
import { param } from "@/lib/http/search-params";
import { loadScheduleAction } from "./actions";
import { DeadlineTool } from "./deadline-tool";
import { LoadScheduleForm } from "./load-schedule-form";
import { ScheduleList } from "./schedule-list";
import { YearView } from "./year-view";

export const metadata: Metadata = { title: "工作日历" };

type Search = Promise<Record<string, string | string[] | undefined>>;

const shipped = SHIPPED_SCHEDULES.at(-1)!;
const template = { year: shipped.year, json: scheduleJson(shipped) };

/** The year to show: the one asked for, else this year (Beijing time) when loaded, else the latest loaded. */
function yearToShow(asked: string | undefined, loaded: number[]): string | null {
  if (asked) return asked;
  const thisYear = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date()));
  return loaded.includes(thisYear) ? String(thisYear) : (loaded.at(-1)?.toString() ?? null);
}

export default async function CalendarPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const ctx = await requireContext();
  const list = await loadForPage(() => listHolidaySchedules(ctx));
  if (!list.ok) return <Notice tone="error" testId="page-error">{list.error.message}</Notice>;
  const loadedYears = list.data.years.map((y) => y.year);
  const year = yearToShow(param(sp.year), loadedYears);
  const view = year ? await loadForPage(() => getYearCalendar(ctx, year)) : null;
  const query = { date: param(sp.date), n: param(sp.n), month: param(sp.month) };
  const deadlines = await loadForPage(() => computeDeadlines(ctx, query));
  const shownYear = view?.ok ? view.data.year : null;
  return (
    <>
      <PageHeader
        title="工作日历"
        description="法定节假日和调休上班日决定所有工作日期限（名单报送截止日、依申请救助的 10 + 10 + 10 个工作日）。某年的安排未导入时，涉及该年的期限一律无法计算，不按周一至周五推算。"
      />
      {sp.loaded ? (
        <Notice tone="success" testId="load-result">
          {sp.unchanged
            ? `导入的内容与${year}年现行第 ${param(sp.loaded)} 版相同，未作更改。`
            : `已导入${year}年节假日安排，现行为第 ${param(sp.loaded)} 版，即日起用于所有期限计算。`}
        </Notice>
      ) : null}
      {list.data.years.filter((y) => y.provisionalNotice).map((y) => (
        <Notice key={y.year} tone="warning" testId="calendar-provisional">{y.provisionalNotice}</Notice>
      ))}
      <div className="space-y-8">
        <section aria-label="已导入年度">
          <h2 className="mb-2 text-lg font-semibold">已导入年度</h2>
          <ScheduleList years={list.data.years} selected={shownYear} />
        </section>
        {view && !view.ok ? <Notice tone="error" testId="year-error">{view.error.message}</Notice> : null}
        {view?.ok ? <YearView data={view.data} years={loadedYears} /> : null}
        <div className="grid gap-6 xl:grid-cols-2">
          <DeadlineTool
            query={query}
            year={shownYear}
            result={deadlines.ok ? deadlines.data : null}
            error={deadlines.ok ? null : { field: deadlines.error.field, message: deadlines.error.message }}
          />
          <LoadScheduleForm action={loadScheduleAction} template={template} />
        </div>
      </div>
    </>
  );
}
