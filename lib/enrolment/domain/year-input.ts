import { beijingToday } from "@/lib/calendar/domain/iso-date";
import { ValidationError } from "@/lib/errors/app-error";

// The 参保年度 a page, form or command names: four digits, within reason.

export function parseYear(value: unknown, field = "year"): number {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  if (!/^\d{4}$/.test(text)) throw new ValidationError(field, "参保年度应为四位年份，如 2026");
  const year = Number(text);
  if (year < 2000 || year > 2100) throw new ValidationError(field, "参保年度应在 2000 至 2100 之间");
  return year;
}

/** The year a page opens on: next year's collection runs in the autumn, so from September on it is next year. */
export function defaultYear(today = new Date()): number {
  const [year, month] = beijingToday(today).split("-").map(Number) as [number, number];
  return year + (month >= 9 ? 1 : 0);
}
