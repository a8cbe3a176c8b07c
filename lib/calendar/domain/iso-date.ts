import { InvalidDateError } from "./calendar-errors";

// Dates travel as `YYYY-MM-DD` strings and are computed as whole UTC day numbers
// (days since 1970-01-01). A local-time Date would shift a day across midnight
// in any time zone other than UTC; day numbers cannot.

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

// Both conversions go through a Date and are remembered: a work queue's page computes a few hundred of
// them over the same few dates (its clocks), and a lookup costs a fraction of a Date round trip. Each
// memo is emptied when it reaches MEMO_SIZE entries, so no input can grow it without bound.
const MEMO_SIZE = 4096;
const parsed = new Map<string, number | null>();
const formatted = new Map<number, string>();

/** Day number of a `YYYY-MM-DD` string, or null when it is not a real date (2025-02-30, 2025-2-3). */
export function tryParseIsoDate(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const hit = parsed.get(value);
  if (hit !== undefined) return hit;
  const day = parseUncached(value);
  if (parsed.size >= MEMO_SIZE) parsed.clear();
  parsed.set(value, day);
  return day;
}

function parseUncached(value: string): number | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  date.setUTCFullYear(y, m - 1, d);
  const day = Math.round(date.getTime() / DAY_MS);
  // Date rolls 02-30 over to 03-02; the round trip catches it.
  return formatIsoDate(day) === value ? day : null;
}

/** Day number of a `YYYY-MM-DD` string; throws InvalidDateError naming the value. */
export function parseIsoDate(value: string): number {
  const day = tryParseIsoDate(value);
  if (day === null) throw new InvalidDateError(value);
  return day;
}

export function isIsoDate(value: unknown): value is string {
  return tryParseIsoDate(value) !== null;
}

/** Checks a `YYYY-MM` month; throws InvalidDateError naming the value. */
export function parseIsoMonth(value: string): { year: number; month: number } {
  const match = typeof value === "string" ? ISO_MONTH.exec(value) : null;
  if (!match) throw new InvalidDateError(value, "YYYY-MM");
  return { year: Number(match[1]), month: Number(match[2]) };
}

export function formatIsoDate(day: number): string {
  const hit = formatted.get(day);
  if (hit !== undefined) return hit;
  const text = new Date(day * DAY_MS).toISOString().slice(0, 10);
  if (formatted.size >= MEMO_SIZE) formatted.clear();
  formatted.set(day, text);
  return text;
}

export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDay(day: number): number {
  // 1970-01-01 was a Thursday (4); the double modulo keeps days before 1970 positive.
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekendDay(day: number): boolean {
  const weekday = weekdayOfDay(day);
  return weekday === 0 || weekday === 6;
}

const WEEKDAY_NAMES = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"] as const;

export function weekdayName(day: number): string {
  return WEEKDAY_NAMES[weekdayOfDay(day)] ?? "";
}

/**
 * Beijing is UTC+8 all year (no daylight saving since 1991). Office dates are
 * Beijing calendar days whatever zone the server runs in: a list sent at 23:30
 * on the 5th Beijing time is on time although it is 15:30 on the 5th in UTC.
 */
export const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing calendar date (YYYY-MM-DD) of an instant, today by default: the one "today" of the portal. */
export function beijingToday(at: Date = new Date()): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}
