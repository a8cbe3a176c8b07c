import { z } from "zod";
import { ScheduleValidationError } from "./calendar-errors";
import { isIsoDate, isWeekendDay, parseIsoDate, tryParseIsoDate, weekdayName } from "./iso-date";

// One year's holiday arrangement as the State Council notice states it. An
// administrator loads or corrects a year through this schema (JSON from the
// database), so every message is Chinese and starts with the field's path, e.g.
// `holidays[0].days[2]：“2025-02-30”不是有效日期`, in the issue message itself —
// whoever shows `issue.message` needs nothing else.

const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

type Path = readonly PropertyKey[] | undefined;

export function formatIssuePath(path: Path): string {
  if (!path || path.length === 0) return "节假日安排";
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`))
    .join("");
}

const at = (path: Path, text: string) => `${formatIssuePath(path)}：${text}`;

function quote(input: unknown): string {
  if (typeof input === "string") return `“${input}”`;
  return JSON.stringify(input) ?? String(input);
}

/** Error map for a wrong JSON type: "missing" when absent, else what was expected and what came. */
function typeError(expected: string) {
  return (iss: { path?: Path; input?: unknown }) =>
    iss.input === undefined ? at(iss.path, "缺少此字段") : at(iss.path, `应为${expected}，收到 ${quote(iss.input)}`);
}

function objectError(what: string) {
  return (iss: { code?: string; path?: Path; input?: unknown; keys?: readonly string[] }) =>
    iss.code === "unrecognized_keys"
      ? at(iss.path, `不认识的字段 ${(iss.keys ?? []).map((k) => `“${k}”`).join("、")}`)
      : typeError(what)(iss);
}

const isoDateString = z
  .string({ error: typeError(" YYYY-MM-DD 格式的日期字符串") })
  .refine(isIsoDate, { error: (iss) => at(iss.path, `${quote(iss.input)}不是有效日期（应为 YYYY-MM-DD）`) });

const holidaySchema = z.strictObject(
  {
    name: z
      .string({ error: typeError("节日名称（如“春节”）") })
      .trim()
      .min(1, { error: (iss) => at(iss.path, "节日名称不能为空") }),
    days: z
      .array(isoDateString, { error: typeError("放假日期的数组") })
      .min(1, { error: (iss) => at(iss.path, "至少要列出一天放假日期") }),
  },
  { error: objectError("节日对象 { name, days }") },
);

const baseSchema = z.strictObject(
  {
    year: z
      .number({ error: typeError("年份数字（如 2025）") })
      .int({ error: (iss) => at(iss.path, `应为整数年份，收到 ${quote(iss.input)}`) })
      .min(FIRST_YEAR, { error: (iss) => at(iss.path, `年份应在 ${FIRST_YEAR} 至 ${LAST_YEAR} 之间，收到 ${quote(iss.input)}`) })
      .max(LAST_YEAR, { error: (iss) => at(iss.path, `年份应在 ${FIRST_YEAR} 至 ${LAST_YEAR} 之间，收到 ${quote(iss.input)}`) }),
    holidays: z
      .array(holidaySchema, { error: typeError("节日数组") })
      .min(1, { error: (iss) => at(iss.path, "至少要有一个节日") }),
    makeupWorkdays: z.array(isoDateString, { error: typeError("调休上班日期的数组（没有时为 []）") }),
    source: z
      .string({ error: typeError("来源说明文字") })
      .trim()
      .min(1, { error: (iss) => at(iss.path, "请注明来源（国务院办公厅通知的文号，或标题与日期）") }),
    /**
     * Set only on a year derived from the statutory holidays before the State
     * Council's notice is out (schedules/2027-provisional.ts): every deadline
     * computed with it says so. An official load omits the field.
     */
    provisional: z.literal(true, { error: (iss) => at(iss.path, `暂定标记只能为 true（正式安排请省略此字段），收到 ${quote(iss.input)}`) }).optional(),
  },
  { error: objectError("对象 { year, holidays, makeupWorkdays, source }") },
);

type BaseSchedule = z.infer<typeof baseSchema>;

/**
 * Dates may lie in the stated year, or in the last week of the previous December:
 * 元旦 arrangements reach back there (2019: 2018-12-29 worked, 12-30–31 off;
 * 2023: 2022-12-31 off), and the notice of the new year is what announces them.
 */
function allowedRange(year: number): { first: number; last: number } {
  return { first: parseIsoDate(`${year - 1}-12-25`), last: parseIsoDate(`${year}-12-31`) };
}

// zod runs this refinement even when a date or the year failed its own check
// (those issues do not abort), so it skips what is already reported.
function checkDays(schedule: BaseSchedule, ctx: z.RefinementCtx): void {
  const yearIsValid = Number.isInteger(schedule.year) && schedule.year >= FIRST_YEAR && schedule.year <= LAST_YEAR;
  const range = yearIsValid ? allowedRange(schedule.year) : null;
  const issue = (path: (string | number)[], text: string) =>
    ctx.addIssue({ code: "custom", path, message: at(path, text), input: undefined });
  const checkRange = (path: (string | number)[], date: string, day: number) => {
    if (range && (day < range.first || day > range.last)) {
      issue(path, `${quote(date)}不在${schedule.year}年内（只能是该年的日期；元旦放假调休可含上一年12月25日至31日）`);
    }
  };

  const holidayAt = new Map<string, { path: string; name: string }>();
  const names = new Set<string>();
  schedule.holidays.forEach((holiday, h) => {
    if (names.has(holiday.name)) issue(["holidays", h, "name"], `节日名称${quote(holiday.name)}重复出现`);
    names.add(holiday.name);
    holiday.days.forEach((date, d) => {
      const day = tryParseIsoDate(date);
      if (day === null) return;
      const path = ["holidays", h, "days", d];
      checkRange(path, date, day);
      const earlier = holidayAt.get(date);
      if (earlier) issue(path, `${quote(date)}重复出现（已在 ${earlier.path}，${earlier.name}）`);
      else holidayAt.set(date, { path: formatIssuePath(path), name: holiday.name });
    });
  });

  const makeupAt = new Map<string, string>();
  schedule.makeupWorkdays.forEach((date, m) => {
    const day = tryParseIsoDate(date);
    if (day === null) return;
    const path = ["makeupWorkdays", m];
    checkRange(path, date, day);
    if (!isWeekendDay(day)) issue(path, `${quote(date)}是${weekdayName(day)}，调休上班日只能是星期六或星期日`);
    const holiday = holidayAt.get(date);
    if (holiday) issue(path, `${quote(date)}同时列为放假日（${holiday.path}，${holiday.name}）和调休上班日`);
    const earlier = makeupAt.get(date);
    if (earlier) issue(path, `${quote(date)}重复出现（已在 ${earlier}）`);
    else makeupAt.set(date, formatIssuePath(path));
  });
}

export const yearScheduleSchema = baseSchema.superRefine(checkDays);

export type YearSchedule = z.infer<typeof yearScheduleSchema>;

/** Parses one year's schedule; throws ScheduleValidationError listing every issue, each naming its field. */
export function parseYearSchedule(input: unknown): YearSchedule {
  const result = yearScheduleSchema.safeParse(input);
  if (!result.success) throw new ScheduleValidationError(result.error.issues.map((i) => i.message));
  return result.data;
}

