import type { WorkingDayCalendar } from "@/lib/calendar/domain/working-day-calendar";
import type { ApplicationStep } from "./states";

// The clock of the step a case is in (docs/policy.md §6, 003 §三(八)):
//   township  10 working days after acceptance        (乡镇受理后 10 个工作日)
//   county    10 working days after the file arrives  (县级接到申报材料后 10 个工作日)
//   payment   10 working days after approval          (完成审核后 10 个工作日)
// The start day is not counted (民法典 第二百零一条) and a deadline on a day
// off moves to the next working day (第二百零三条); both come from the
// working-day calendar (addWorkingDays).
//
// 退回补正 — how a paused clock counts (our choice, also in docs/policy.md §6):
// the township clock is SUSPENDED while the case waits for the applicant's
// documents, and RESUMES with the working days that were left. Working days
// from the start (not counted) up to and including the day of the return are
// used; the days while the case is returned are not; on resumption the
// remaining days count from the resumption day (not counted). So a case
// returned on its 4th working day and resumed later has 6 working days from
// the resumption. Rationale: the applicant's delay is not the township's
// delay (the clock would otherwise run out while nobody can act), and
// restarting at 10 would let a township buy time by returning a case.
// 容缺受理 is different: the case is complete enough to work on, so the clock
// runs while the listed items are outstanding.
// A failed payment (wrong account) keeps the payment clock running: the money
// is due 10 working days after approval whatever the bank said.

export const STEP_WORKING_DAYS = 10;

export type StepClock = {
  step: ApplicationStep;
  /** The day the (remaining) count starts from; itself not counted. */
  startedOn: string;
  /** Working days already used before `startedOn` (earlier stretches before a 退回补正). */
  usedBefore: number;
  /** Set while the clock is suspended (退回补正). */
  pausedOn: string | null;
};

export function startClock(step: ApplicationStep, on: string): StepClock {
  return { step, startedOn: on, usedBefore: 0, pausedOn: null };
}

/** Suspends the clock on `on`: the days up to and including `on` are used. */
export function pauseClock(clock: StepClock, on: string, calendar: WorkingDayCalendar): StepClock {
  if (clock.pausedOn !== null) return clock;
  return { ...clock, usedBefore: clock.usedBefore + calendar.workingDaysBetween(clock.startedOn, on), pausedOn: on };
}

/** Resumes a suspended clock on `on` with the days that were left. */
export function resumeClock(clock: StepClock, on: string): StepClock {
  if (clock.pausedOn === null) return clock;
  return { ...clock, startedOn: on, pausedOn: null };
}

/** The step's due date; null while the clock is suspended. */
export function dueDate(clock: StepClock, calendar: WorkingDayCalendar): string | null {
  if (clock.pausedOn !== null) return null;
  const left = Math.max(0, STEP_WORKING_DAYS - clock.usedBefore);
  return calendar.addWorkingDays(clock.startedOn, left);
}

/** Working days used so far (up to and including `today`, or the pause day). */
export function workingDaysUsed(clock: StepClock, today: string, calendar: WorkingDayCalendar): number {
  if (clock.pausedOn !== null) return clock.usedBefore;
  return clock.usedBefore + calendar.workingDaysBetween(clock.startedOn, today);
}

export type ClockStatus =
  | { paused: true; used: number; left: number }
  | { paused: false; due: string; overdue: boolean; /** working days left after today (0 on the due day); negative when overdue */ daysLeft: number };

/** What a list shows: days left, or overdue by how many working days, or paused. */
export function clockStatus(clock: StepClock, today: string, calendar: WorkingDayCalendar): ClockStatus {
  if (clock.pausedOn !== null) {
    return { paused: true, used: clock.usedBefore, left: Math.max(0, STEP_WORKING_DAYS - clock.usedBefore) };
  }
  const due = dueDate(clock, calendar)!;
  if (today <= due) return { paused: false, due, overdue: false, daysLeft: calendar.workingDaysBetween(today, due) };
  return { paused: false, due, overdue: true, daysLeft: -calendar.workingDaysBetween(due, today) };
}

/**
 * The three deadlines of 003 §三(八) when each step starts on time or on the
 * given day: what `application due` prints. `forwarded` defaults to the
 * township deadline, `approved` to the county deadline.
 */
export function applicationDeadlines(
  calendar: WorkingDayCalendar,
  dates: { accepted: string; forwarded?: string; approved?: string },
): { township: string; county: string; payment: string } {
  const township = calendar.addWorkingDays(dates.accepted, STEP_WORKING_DAYS);
  const county = calendar.addWorkingDays(dates.forwarded ?? township, STEP_WORKING_DAYS);
  const payment = calendar.addWorkingDays(dates.approved ?? county, STEP_WORKING_DAYS);
  return { township, county, payment };
}
