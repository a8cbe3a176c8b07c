import "server-only";
import { listHolidayScheduleVersions } from "@/db/queries/calendar";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { formatIsoDate, parseIsoDate, weekdayOfDay } from "@/lib/calendar/domain/iso-date";
import type { YearSchedule } from "@/lib/calendar/domain/schedule-schema";
import { provisionalNotice } from "@/lib/calendar/domain/provisional-notice";
import type { DayKind } from "@/lib/calendar/domain/working-day-calendar";
import { ValidationError } from "@/lib/errors/app-error";
import { loadWorkingDayCalendar } from "./load-working-day-calendar";

export type CalendarDay = { date: string; day: number; weekday: number; kind: DayKind; holiday?: string };
export type CalendarMonth = { month: number; days: CalendarDay[] };

function parseYear(value: unknown): number {
  const year = typeof value === "number" ? value : /^\d{4}$/.test(String(value ?? "")) ? Number(value) : NaN;
  if (!Number.isInteger(year) || year < 1990 || year > 2100) {
    throw new ValidationError("year", "年份应为1990至2100之间的四位数字，如 2025");
  }
  return year;
}

/**
 * Every day of a year with its kind under the calendar in force (workday,
 * weekend, holiday with its name, make-up working day), month by month, and
 * the year's version history.
 */
export async function getYearCalendar(ctx: UseCaseContext, yearInput: unknown) {
  await requirePermission(ctx, "calendar.manage");
  const year = parseYear(yearInput);
  const versions = await listHolidayScheduleVersions(ctx.db, year);
  const inForce = versions[0];
  if (!inForce) throw new ValidationError("year", `${year}年的法定节假日安排尚未导入，请在本页“导入或更正年度安排”中导入`);
  // The whole calendar, not just this year's schedule: the next year's 元旦
  // arrangement may reach back into this year's last days of December.
  const calendar = await loadWorkingDayCalendar(ctx.db);
  const months: CalendarMonth[] = [];
  const totals: Record<DayKind, number> = { workday: 0, weekend: 0, holiday: 0, makeup: 0 };
  for (let d = parseIsoDate(`${year}-01-01`); d <= parseIsoDate(`${year}-12-31`); d += 1) {
    const date = formatIsoDate(d);
    const info = calendar.describeDay(date);
    const month = Number(date.slice(5, 7));
    if (months.length < month) months.push({ month, days: [] });
    const entry: CalendarDay = { date, day: Number(date.slice(8)), weekday: weekdayOfDay(d), kind: info.kind };
    months[month - 1]!.days.push(info.holiday === undefined ? entry : { ...entry, holiday: info.holiday });
    totals[info.kind] += 1;
  }
  return {
    year,
    source: (inForce.schedule as YearSchedule).source,
    provisionalNotice: (inForce.schedule as YearSchedule).provisional ? provisionalNotice(year) : null,
    months,
    totals,
    history: versions.map((v) => ({
      version: v.version,
      source: (v.schedule as YearSchedule).source,
      note: v.note,
      loadedAt: v.loadedAt,
      loadedBy: v.loadedByName,
    })),
  };
}
