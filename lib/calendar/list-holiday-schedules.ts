import "server-only";
import { listLatestHolidaySchedules } from "@/db/queries/calendar";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import type { YearSchedule } from "@/lib/calendar/domain/schedule-schema";
import { provisionalNotice } from "./domain/provisional-notice";
import { holidayDayCount, scheduleJson } from "./domain/schedule-summary";

export type HolidayScheduleListItem = {
  year: number;
  version: number;
  source: string;
  note: string | null;
  holidayDays: number;
  makeupDays: number;
  loadedAt: Date;
  /** The loader's display name; null for the shipped years stored by the seed. */
  loadedBy: string | null;
  /** The notice to show when the version in force is provisional (derived, not the State Council's), else null. */
  provisionalNotice: string | null;
  /** The version in force as JSON, to download and correct. */
  json: string;
};

/** The years whose schedule is loaded, with the version in force of each, ascending. */
export async function listHolidaySchedules(ctx: UseCaseContext) {
  await requirePermission(ctx, "calendar.manage");
  const rows = await listLatestHolidaySchedules(ctx.db);
  const years: HolidayScheduleListItem[] = rows.map((r) => {
    const schedule = r.schedule as YearSchedule;
    return {
      year: r.year,
      version: r.version,
      source: schedule.source,
      note: r.note,
      holidayDays: holidayDayCount(schedule),
      makeupDays: schedule.makeupWorkdays.length,
      loadedAt: r.loadedAt,
      loadedBy: r.loadedByName,
      provisionalNotice: schedule.provisional ? provisionalNotice(r.year) : null,
      json: scheduleJson(schedule),
    };
  });
  return { years };
}
