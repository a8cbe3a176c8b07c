import { PROVISIONAL_SCHEDULES, SHIPPED_SCHEDULES } from "@/lib/calendar/domain/schedules/shipped-schedules";
import { insertFirstVersions } from "@/db/queries/calendar";
import type { Db, Tx } from "@/db/client";

export const SHIPPED_SCHEDULE_NOTE = "随系统内置（据国务院办公厅节假日安排通知）";
export const PROVISIONAL_SCHEDULE_NOTE = "随系统内置的暂定安排（按法定节日推算），待导入国务院通知";

/**
 * Stores every shipped year (2019–2026, and 2027 provisional) as version 1, skipping years that
 * already have a version, so it is safe on any database, not only an empty one.
 * The schedules are reference data rather than demo data: every deadline
 * depends on them.
 */
export async function seedHolidaySchedules(tx: Db | Tx): Promise<number[]> {
  const official = await insertFirstVersions(tx, SHIPPED_SCHEDULES, { note: SHIPPED_SCHEDULE_NOTE, loadedBy: null });
  // A year already loaded (officially, by an administrator) keeps its version: the estimate never overrides it.
  const provisional = await insertFirstVersions(tx, PROVISIONAL_SCHEDULES, { note: PROVISIONAL_SCHEDULE_NOTE, loadedBy: null });
  return [...official, ...provisional].sort((a, b) => a - b);
}
