// Typed errors of the working-day calendar. Messages are Chinese because they
// reach clerks and administrators as they are; callers that need another
// wording (the CLI) use the fields, not the text.

export type DateFormat = "YYYY-MM-DD" | "YYYY-MM";

/** A date or month string that is not a real calendar day / month. */
export class InvalidDateError extends Error {
  override readonly name = "InvalidDateError";
  constructor(
    readonly value: unknown,
    readonly format: DateFormat = "YYYY-MM-DD",
  ) {
    const what = format === "YYYY-MM" ? "月份" : "日期";
    const example = format === "YYYY-MM" ? "2025-10" : "2025-01-24";
    super(`“${String(value)}”不是有效${what}（应为 ${format} 格式，如 ${example}）`);
  }
}

/**
 * The year's holiday schedule has not been loaded. We never fall back to plain
 * weekdays: a guessed deadline is worse than none, because make-up Saturdays and
 * weekday holidays would silently shift every due date around them.
 */
export class MissingScheduleError extends Error {
  override readonly name = "MissingScheduleError";
  constructor(readonly year: number) {
    super(`${year}年的法定节假日安排尚未导入，请管理员先导入该年度安排`);
  }
}

/** A working-day count that is not a whole number ≥ 0. */
export class InvalidWorkingDayCountError extends RangeError {
  override readonly name = "InvalidWorkingDayCountError";
  constructor(readonly value: unknown) {
    super(`工作日天数应为不小于 0 的整数，收到 ${String(value)}`);
  }
}

/** Schedules that cannot be combined: a year loaded twice, or two years disagreeing on a day. */
export class ScheduleConflictError extends Error {
  override readonly name = "ScheduleConflictError";
}

/** A year's schedule that fails yearScheduleSchema; each issue names its field, e.g. `holidays[0].days[2]：…`. */
export class ScheduleValidationError extends Error {
  override readonly name = "ScheduleValidationError";
  constructor(readonly issues: readonly string[]) {
    super(`节假日安排有误：\n${issues.join("\n")}`);
  }
}
