import { PROVISIONAL_SCHEDULES, SHIPPED_SCHEDULES } from "./schedules/shipped-schedules";
import { createCalendar, type WorkingDayCalendar } from "./working-day-calendar";

let shipped: WorkingDayCalendar | undefined;

/**
 * The calendar of the shipped years, built once: 2019–2026 from the notices and
 * 2027 provisional (what the seed stores; check provisionalYears before
 * stating a date in it as final).
 */
export function defaultCalendar(): WorkingDayCalendar {
  shipped ??= createCalendar([...SHIPPED_SCHEDULES, ...PROVISIONAL_SCHEDULES]);
  return shipped;
}
