import { ScheduleValidationError } from "@/lib/calendar/domain/calendar-errors";
import { parseYearSchedule, type YearSchedule } from "@/lib/calendar/domain/schedule-schema";
import { ValidationError } from "@/lib/errors/app-error";
import { parseJsonText } from "./parse-json-text";

// Turns what an administrator pasted or uploaded into a YearSchedule, or a
// ValidationError on the field "schedule" whose message lists every problem,
// one per line, each starting with its field path (holidays[0].days[2]：…).

export const SCHEDULE_FIELD = "schedule";

/** Accepts the JSON text (pasted or from a file) or an already parsed object. */
export function parseScheduleInput(raw: unknown): YearSchedule {
  const input = typeof raw === "string" ? parseJsonText(raw, SCHEDULE_FIELD) : raw;
  try {
    return parseYearSchedule(input);
  } catch (err) {
    if (!(err instanceof ScheduleValidationError)) throw err;
    throw new ValidationError(SCHEDULE_FIELD, `节假日安排有 ${err.issues.length} 处错误，未保存任何内容：\n${err.issues.join("\n")}`);
  }
}
