import type { WorkingDayCalendar } from "@/lib/calendar/domain/working-day-calendar";

// The posting window (公示期) of a quarterly notice: 5 working days
// (003 §三(八) "公示期为 5 个工作日") by the working-day calendar, so a
// notice published just before 国庆节 stays up until 5 working days have
// actually passed on the board.
//
// Counting rule (docs/policy.md §7): the publication day counts as day 1
// when it is a working day — the notice is on the board and open to
// objections from that day. Published on a day off, the notice is up from
// that day, and the count starts on the next working day. The window ends at
// the end of its 5th working day (inclusive).

export const DEFAULT_POSTING_WORKING_DAYS = 5;

export type PostingWindow = { start: string; end: string; workingDays: number };

export function postingWindow(publishedOn: string, calendar: WorkingDayCalendar, workingDays = DEFAULT_POSTING_WORKING_DAYS): PostingWindow {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError(`posting window needs at least 1 working day, got ${workingDays}`);
  const first = calendar.rollToWorkingDay(publishedOn);
  return { start: publishedOn, end: calendar.addWorkingDays(first, workingDays - 1), workingDays };
}

/** The date lies within the window (both ends inclusive). */
export function inWindow(window: { start: string; end: string }, on: string): boolean {
  return window.start <= on && on <= window.end;
}
