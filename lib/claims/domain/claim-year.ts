import { ValidationError } from "@/lib/errors/app-error";
import { beijingToday } from "@/lib/calendar/domain/iso-date";

// The settlement year a page or form names (?year=2026): claims are settled
// and limits counted per calendar year.

export const FIRST_CLAIM_YEAR = 2000;

/** The year given, else `fallback`, else the current year (Beijing). */
export function parseClaimYear(text: string | undefined, fallback?: number, now = new Date()): number {
  const current = Number(beijingToday(now).slice(0, 4));
  if (text === undefined || text.trim() === "") return fallback ?? current;
  const t = text.trim();
  const year = /^\d{4}$/.test(t) ? Number(t) : NaN;
  if (!(year >= FIRST_CLAIM_YEAR && year <= current)) {
    throw new ValidationError("year", `年份“${t.slice(0, 10)}”无效：请填写 ${FIRST_CLAIM_YEAR} 至 ${current} 之间的四位年份，如 ${current}`);
  }
  return year;
}
