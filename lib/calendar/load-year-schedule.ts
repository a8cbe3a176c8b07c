import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { insertHolidaySchedule, listLatestHolidaySchedules, lockHolidaySchedules } from "@/db/queries/calendar";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { ScheduleConflictError } from "@/lib/calendar/domain/calendar-errors";
import type { YearSchedule } from "@/lib/calendar/domain/schedule-schema";
import { createCalendar } from "@/lib/calendar/domain/working-day-calendar";
import { ValidationError } from "@/lib/errors/app-error";
import { parseScheduleInput, SCHEDULE_FIELD } from "./domain/parse-schedule-input";
import { canonicalSchedule, diffSchedules, summarizeSchedule } from "./domain/schedule-summary";

export type LoadYearScheduleResult = {
  year: number;
  version: number;
  /** False when the content equals the version in force: nothing was stored. */
  changed: boolean;
  changes?: ReturnType<typeof diffSchedules>;
};

function parseNote(note: unknown): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note !== "string") throw new ValidationError("note", "说明应为文字");
  const text = note.trim();
  if (text.length > 200) throw new ValidationError("note", `说明不超过200字（现有 ${text.length} 字），请删减`);
  return text || null;
}

/** The new schedule must agree with the neighbouring years on the late-December 元旦 days they share. */
function assertCombinable(inForce: readonly YearSchedule[], schedule: YearSchedule): void {
  try {
    createCalendar([...inForce.filter((s) => s.year !== schedule.year), schedule]);
  } catch (err) {
    if (!(err instanceof ScheduleConflictError)) throw err;
    throw new ValidationError(SCHEDULE_FIELD, `${err.message}：请修改本次导入的内容，或先更正另一年度的安排，未保存任何内容`);
  }
}

/**
 * Loads a year's holiday schedule (new year or correction) from pasted or
 * uploaded JSON, as a new version that takes effect at once. Loading the same
 * content again stores nothing. Administrators only; audited with a
 * before/after summary in the same transaction.
 */
export async function loadYearSchedule(ctx: UseCaseContext, rawJson: unknown, note?: unknown): Promise<LoadYearScheduleResult> {
  await requirePermission(ctx, "calendar.manage", { objectType: "holiday_schedule" });
  const schedule = parseScheduleInput(rawJson);
  const noteText = parseNote(note);
  return inTransaction(ctx.db, async (tx) => {
    await lockHolidaySchedules(tx);
    const rows = await listLatestHolidaySchedules(tx);
    const current = rows.find((r) => r.year === schedule.year);
    const before = current ? (current.schedule as YearSchedule) : null;
    if (current && before && canonicalSchedule(before) === canonicalSchedule(schedule)) {
      return { year: schedule.year, version: current.version, changed: false };
    }
    assertCombinable(rows.map((r) => r.schedule as YearSchedule), schedule);
    const version = (current?.version ?? 0) + 1;
    const changes = diffSchedules(before, schedule);
    await insertHolidaySchedule(tx, { year: schedule.year, version, schedule: { ...schedule }, note: noteText, loadedBy: ctx.actor.user.id });
    await insertAudit(
      tx,
      auditRow(ctx.actor, {
        action: "calendar.load_schedule",
        objectType: "holiday_schedule",
        objectId: String(schedule.year),
        detail: {
          before: current && before ? summarizeSchedule(before, current.version) : null,
          after: summarizeSchedule(schedule, version),
          changes,
          ...(noteText ? { note: noteText } : {}),
        },
      }),
    );
    return { year: schedule.year, version, changed: true, changes };
  });
}
