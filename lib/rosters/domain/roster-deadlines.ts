import { MissingScheduleError } from "@/lib/calendar/domain/calendar-errors";
import type { WorkingDayCalendar } from "@/lib/calendar/domain/working-day-calendar";

// The two dates of a roster month (docs/policy.md §2): lists by the 5th, moved to
// the next working day (法定节假日顺延), and the consolidation within 5
// working days of that deadline. A year whose holiday schedule is not loaded
// gives no dates and says so, rather than a weekday guess.

export const CONSOLIDATION_WORKING_DAYS = 5;

export type MonthDeadlines = {
  month: string;
  deadline: string | null;
  /** Why the 5th moved ("5日为国庆节，顺延"), or null when the 5th is a working day. */
  rolled: string | null;
  consolidationDue: string | null;
  /** Set when the dates cannot be computed (the year's schedule is missing). */
  problem: string | null;
};

export function monthDeadlines(calendar: WorkingDayCalendar, month: string): MonthDeadlines {
  try {
    const deadline = calendar.rosterDeadline(month);
    const fifth = calendar.describeDay(`${month}-05`);
    const rolled = fifth.working ? null : `5日为${fifth.kind === "holiday" ? (fifth.holiday ?? "法定节假日") : "休息日"}，顺延至下一工作日`;
    let consolidationDue: string | null = null;
    let problem: string | null = null;
    try {
      consolidationDue = calendar.addWorkingDays(deadline, CONSOLIDATION_WORKING_DAYS);
    } catch (err) {
      if (!(err instanceof MissingScheduleError)) throw err;
      problem = err.message;
    }
    return { month, deadline, rolled, consolidationDue, problem };
  } catch (err) {
    if (!(err instanceof MissingScheduleError)) throw err;
    return { month, deadline: null, rolled: null, consolidationDue: null, problem: err.message };
  }
}
