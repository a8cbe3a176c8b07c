import { SHIPPED_SCHEDULES } from "./schedules/shipped-schedules";
import { createCalendar, type WorkingDayCalendar } from "./working-day-calendar";

let shipped: WorkingDayCalendar | undefined;

/** The calendar of the shipped years (2019–2026), built once. */
export function defaultCalendar(): WorkingDayCalendar {
  shipped ??= createCalendar(SHIPPED_SCHEDULES);
  return shipped;
}
