import type { WorkingDayCalendar } from "./working-day-calendar";

/**
 * What every screen says beside a deadline computed with a provisional year
 * (schedules/2027-provisional.ts): the days off may still change, so the date
 * is an estimate until an administrator loads the State Council's notice.
 */
export function provisionalNotice(years: number | string): string {
  return `${years}年节假日安排为暂定（按法定节日推算），国务院通知发布后请管理员导入正式安排`;
}

/**
 * The notice when any of the dates lies in a provisional year, else null.
 * Years are contiguous and the provisional one is the latest, so the ends of a
 * span are enough: callers pass its start, today and the due date.
 */
export function provisionalNoticeFor(calendar: WorkingDayCalendar, ...dates: readonly (string | null | undefined)[]): string | null {
  const years = [...new Set(dates.filter((d): d is string => typeof d === "string").map((d) => Number(d.slice(0, 4))))]
    .filter((y) => calendar.provisionalYears.includes(y))
    .sort((a, b) => a - b);
  return years.length === 0 ? null : provisionalNotice(years.join("、"));
}
