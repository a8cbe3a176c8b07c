import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { MissingScheduleError } from "@/lib/calendar/domain/calendar-errors";
import { formatIsoDate, isIsoDate, parseIsoDate, weekdayName, yearOfDay } from "@/lib/calendar/domain/iso-date";
import { provisionalNoticeFor } from "@/lib/calendar/domain/provisional-notice";
import type { DayInfo, WorkingDayCalendar } from "@/lib/calendar/domain/working-day-calendar";
import { ValidationError } from "@/lib/errors/app-error";
import { loadWorkingDayCalendar } from "./load-working-day-calendar";

// The 计算期限 tool: what a clerk checks by hand, computed with the calendar in
// force, with every day in between so that the count can be followed.

export type DeadlineQuery = { date?: string; n?: string; month?: string };
export type DeadlineStep = DayInfo & { weekday: string; counted: number | null };

const MAX_DAYS = 250;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function missing(field: string, err: unknown): never {
  if (err instanceof MissingScheduleError) throw new ValidationError(field, `${err.message}，再计算此期限`);
  throw err;
}

function steps(calendar: WorkingDayCalendar, from: number, to: number): DeadlineStep[] {
  const out: DeadlineStep[] = [];
  let counted = 0;
  for (let d = from; d <= to; d += 1) {
    const info = calendar.describeDay(formatIsoDate(d));
    out.push({ ...info, weekday: weekdayName(d), counted: info.working ? ++counted : null });
  }
  return out;
}

function addDays(calendar: WorkingDayCalendar, date: string, nText: string) {
  if (!isIsoDate(date)) throw new ValidationError("date", "起始日期不是有效日期，格式应为 YYYY-MM-DD，如 2025-09-26");
  if (!/^\d{1,3}$/.test(nText) || Number(nText) > MAX_DAYS) {
    throw new ValidationError("n", `工作日天数应为 0 至 ${MAX_DAYS} 之间的整数，如 10`);
  }
  const n = Number(nText);
  let result: string;
  try {
    result = calendar.addWorkingDays(date, n);
  } catch (err) {
    // The start year missing is the date's fault; a later year is reached because of N.
    missing(err instanceof MissingScheduleError && err.year !== yearOfDay(parseIsoDate(date)) ? "n" : "date", err);
  }
  // n = 0 is the date itself rolled forward, so the start day is shown then; otherwise it is not counted.
  const start = parseIsoDate(date);
  return {
    date,
    n,
    result,
    steps: steps(calendar, n === 0 ? start : start + 1, parseIsoDate(result)),
    provisionalNotice: provisionalNoticeFor(calendar, date, result),
  };
}

function rosterDeadline(calendar: WorkingDayCalendar, month: string) {
  if (!MONTH.test(month)) throw new ValidationError("month", "名单月份应为 YYYY-MM 格式，如 2025-10");
  try {
    const result = calendar.rosterDeadline(month);
    return { month, fifth: calendar.describeDay(`${month}-05`), result, provisionalNotice: provisionalNoticeFor(calendar, result) };
  } catch (err) {
    missing("month", err);
  }
}

/**
 * addWorkingDays(date, n) and the monthly roster deadline, with the calendar in
 * force. Blank fields skip their calculation; a half-filled pair names the
 * missing field.
 */
export async function computeDeadlines(ctx: UseCaseContext, q: DeadlineQuery) {
  await requirePermission(ctx, "calendar.manage");
  const date = q.date?.trim() ?? "";
  const n = q.n?.trim() ?? "";
  const month = q.month?.trim() ?? "";
  if (!date && !n && !month) return { add: null, roster: null };
  if (n && !date) throw new ValidationError("date", "请填写起始日期（如受理日），格式 YYYY-MM-DD");
  if (date && !n) throw new ValidationError("n", "请填写工作日天数 N，如 10");
  const calendar = await loadWorkingDayCalendar(ctx.db);
  return {
    add: date ? addDays(calendar, date, n) : null,
    roster: month ? rosterDeadline(calendar, month) : null,
  };
}
