import "server-only";
import { holidayScheduleFingerprint, listLatestHolidaySchedules } from "@/db/queries/calendar";
import type { Db, Tx } from "@/db";
import { createCalendar, type WorkingDayCalendar } from "@/lib/calendar/domain/working-day-calendar";
import type { YearSchedule } from "@/lib/calendar/domain/schedule-schema";

// The cache. Deadlines (rosters, the 10 + 10 + 10 applications) are computed
// on many requests, while schedules change a few times a year. So each process
// keeps the built calendar, one per database handle (tests open several
// databases in one process), together with a fingerprint of the table (row
// count and newest load time; rows are only ever added). Each call asks the
// database for the fingerprint — one tiny aggregate — and rebuilds only when
// it moved. A load in any process therefore invalidates every process's
// cache at once: the app server keeps no state that a load balancer could
// serve stale, and no explicit invalidation call can be forgotten.
// If a load lands between the fingerprint and the rows, the newer rows are
// cached under the older fingerprint; the next call sees a new fingerprint
// and rebuilds, so the error is one extra rebuild, never a stale calendar.
const cache = new WeakMap<object, { fingerprint: string; calendar: WorkingDayCalendar }>();

/**
 * The working-day calendar in force: the latest version of each year stored in
 * holiday_schedules. What every deadline computation uses. A date in a year
 * without a stored schedule throws MissingScheduleError (never a weekday guess).
 *
 * Pass the process's Db where you can: a transaction handle works, but is a
 * new object each time and so never hits the cache.
 */
export async function loadWorkingDayCalendar(db: Db | Tx): Promise<WorkingDayCalendar> {
  return workingDayCalendarAt(db, await holidayScheduleFingerprint(db));
}

/**
 * The same, for a caller that has read the fingerprint itself, in a query of its own
 * (holidayScheduleFingerprintSql: the work queue reads it with its page, in one round trip).
 */
export async function workingDayCalendarAt(db: Db | Tx, fingerprint: string): Promise<WorkingDayCalendar> {
  const hit = cache.get(db);
  if (hit?.fingerprint === fingerprint) return hit.calendar;
  const rows = await listLatestHolidaySchedules(db);
  // createCalendar validates every schedule again: the JSON comes from the database.
  const calendar = createCalendar(rows.map((r) => r.schedule as YearSchedule));
  cache.set(db, { fingerprint, calendar });
  return calendar;
}
