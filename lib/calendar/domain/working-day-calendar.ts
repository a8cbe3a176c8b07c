import { InvalidWorkingDayCountError, MissingScheduleError, ScheduleConflictError } from "./calendar-errors";
import { formatIsoDate, isWeekendDay, parseIsoDate, parseIsoMonth, yearOfDay } from "./iso-date";
import { parseYearSchedule, type YearSchedule } from "./schedule-schema";

// Working days under docs/policy.md §6: Monday–Friday, minus the statutory holidays,
// plus the make-up working days (调休上班) of the State Council's yearly notice.
// Every date the calendar looks at must lie in a year whose schedule is loaded;
// otherwise it throws MissingScheduleError rather than guess from weekdays.

export type DayKind = "workday" | "weekend" | "holiday" | "makeup";

export type DayInfo = {
  date: string;
  working: boolean;
  kind: DayKind;
  /** The holiday's name (e.g. 春节) when kind is "holiday". */
  holiday?: string;
};

export type WorkingDayCalendar = {
  /** Years whose schedule is loaded, ascending. */
  readonly years: readonly number[];
  /** Loaded years whose schedule is provisional (derived, not the State Council's notice), ascending. */
  readonly provisionalYears: readonly number[];
  isWorkingDay(date: string): boolean;
  describeDay(date: string): DayInfo;
  /** The date itself when it is a working day, else the next working day (民法典 第二百零三条). */
  rollToWorkingDay(date: string): string;
  /**
   * The n-th working day after `date`; the start day is not counted (民法典 第二百零一条),
   * so a Friday start with n = 1 gives the next working day. n = 0 gives
   * rollToWorkingDay(date): "within 0 working days" is the day itself, moved off a day off.
   * From a day off, n = 0 and n = 1 therefore give the same date.
   */
  addWorkingDays(date: string, n: number): string;
  /** Monthly roster deadline (docs/policy.md §2): the 5th of `YYYY-MM`, rolled to a working day. */
  rosterDeadline(month: string): string;
  /** Working days after `from` up to and including `to`; 0 when to ≤ from ("working days taken"). */
  workingDaysBetween(from: string, to: string): number;
};

type Mark = { kind: "holiday"; name: string; year: number } | { kind: "makeup"; year: number };

export function createCalendar(schedules: readonly YearSchedule[]): WorkingDayCalendar {
  const years = new Set<number>();
  const provisional = new Set<number>();
  const marks = new Map<number, Mark>();

  const put = (date: string, mark: Mark) => {
    const day = parseIsoDate(date);
    const earlier = marks.get(day);
    // Only the 元旦 days of late December can appear in two years' schedules;
    // they may repeat there, but must agree on off versus working.
    if (earlier && earlier.kind !== mark.kind) {
      throw new ScheduleConflictError(`${earlier.year}年和${mark.year}年的节假日安排对“${date}”的规定不一致`);
    }
    marks.set(day, mark);
  };

  for (const input of schedules) {
    // Schedules may come from the database as JSON: validate even when typed.
    const schedule = parseYearSchedule(input);
    if (years.has(schedule.year)) throw new ScheduleConflictError(`${schedule.year}年的节假日安排重复提供`);
    years.add(schedule.year);
    if (schedule.provisional) provisional.add(schedule.year);
    for (const holiday of schedule.holidays) {
      for (const date of holiday.days) put(date, { kind: "holiday", name: holiday.name, year: schedule.year });
    }
    for (const date of schedule.makeupWorkdays) put(date, { kind: "makeup", year: schedule.year });
  }

  const requireLoaded = (day: number) => {
    const year = yearOfDay(day);
    if (!years.has(year)) throw new MissingScheduleError(year);
  };

  const kindOf = (day: number): { kind: DayKind; holiday?: string } => {
    requireLoaded(day);
    const mark = marks.get(day);
    if (mark?.kind === "holiday") return { kind: "holiday", holiday: mark.name };
    if (mark?.kind === "makeup") return { kind: "makeup" };
    return { kind: isWeekendDay(day) ? "weekend" : "workday" };
  };

  const working = (day: number) => {
    const { kind } = kindOf(day);
    return kind === "workday" || kind === "makeup";
  };

  const roll = (day: number): number => {
    let current = day;
    while (!working(current)) current += 1;
    return current;
  };

  // An index over the loaded span, built on first use: upTo[i] = working days
  // from the span's first day through first + i, and the working days in
  // order. It turns workingDaysBetween and addWorkingDays into lookups (a queue
  // page computes 50 clocks, some over years of overdue). Only when the loaded
  // years have no gap; otherwise, and past the span's end, the day-by-day walk
  // below answers (and throws MissingScheduleError where it must).
  let index: { first: number; upTo: Int32Array; workdays: Int32Array } | null | undefined;
  const indexOf = () => {
    if (index !== undefined) return index;
    const sorted = [...years].sort((a, b) => a - b);
    const lo = sorted[0];
    const hi = sorted[sorted.length - 1];
    if (lo === undefined || hi === undefined || hi - lo + 1 !== sorted.length) return (index = null);
    const first = parseIsoDate(`${String(lo).padStart(4, "0")}-01-01`);
    const last = parseIsoDate(`${String(hi).padStart(4, "0")}-12-31`);
    const upTo = new Int32Array(last - first + 1);
    const workdays: number[] = [];
    for (let day = first; day <= last; day += 1) {
      if (working(day)) workdays.push(day);
      upTo[day - first] = workdays.length;
    }
    return (index = { first, upTo, workdays: Int32Array.from(workdays) });
  };

  const addWorkingDays = (date: string, n: number): string => {
    if (!Number.isSafeInteger(n) || n < 0) throw new InvalidWorkingDayCountError(n);
    const start = parseIsoDate(date);
    requireLoaded(start);
    if (n === 0) return formatIsoDate(roll(start));
    const ix = indexOf();
    // The n-th working day after start: those up to start are the first upTo[start] of the list.
    const at = ix ? ix.upTo[start - ix.first]! + n - 1 : -1;
    if (ix && at < ix.workdays.length) return formatIsoDate(ix.workdays[at]!);
    let current = start;
    for (let counted = 0; counted < n; ) {
      current += 1;
      if (working(current)) counted += 1;
    }
    return formatIsoDate(current);
  };

  return {
    years: Object.freeze([...years].sort((a, b) => a - b)),
    provisionalYears: Object.freeze([...provisional].sort((a, b) => a - b)),
    isWorkingDay: (date) => working(parseIsoDate(date)),
    describeDay: (date) => {
      const day = parseIsoDate(date);
      const { kind, holiday } = kindOf(day);
      const info: DayInfo = { date, working: kind === "workday" || kind === "makeup", kind };
      return holiday === undefined ? info : { ...info, holiday };
    },
    rollToWorkingDay: (date) => formatIsoDate(roll(parseIsoDate(date))),
    addWorkingDays,
    rosterDeadline: (month) => {
      parseIsoMonth(month);
      return formatIsoDate(roll(parseIsoDate(`${month}-05`)));
    },
    workingDaysBetween: (from, to) => {
      const first = parseIsoDate(from);
      const last = parseIsoDate(to);
      requireLoaded(first);
      requireLoaded(last);
      if (last <= first) return 0;
      const ix = indexOf();
      // Both days are loaded and the span has no gap, so both lie in the index.
      if (ix) return ix.upTo[last - ix.first]! - ix.upTo[first - ix.first]!;
      let count = 0;
      for (let day = first + 1; day <= last; day += 1) if (working(day)) count += 1;
      return count;
    },
  };
}
