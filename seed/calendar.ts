import { SHIPPED_SCHEDULES } from "@/lib/calendar/domain/schedules/shipped-schedules";
import { insertFirstVersions } from "@/db/queries/calendar";
import type { Db, Tx } from "@/db/client";

export const SHIPPED_SCHEDULE_NOTE = "随系统内置（据国务院办公厅节假日安排通知）";

/**
 * Stores every shipped year (2019–2026) as version 1, skipping years that
 * already have a version, so it is safe on any database, not only an empty one.
 * The schedules are reference data rather than demo data: every deadline
 * depends on them.
 */
export async function seedHolidaySchedules(tx: Db | Tx): Promise<number[]> {
  return insertFirstVersions(tx, SHIPPED_SCHEDULES, { note: SHIPPED_SCHEDULE_NOTE, loadedBy: null });
}
