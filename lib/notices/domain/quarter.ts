import { isIsoDate } from "@/lib/calendar/domain/iso-date";

// Quarters of the calendar year (季度) for the quarterly public notice
// (docs/policy.md §7, 003 §三(八) "每季度末……公示"). Dates are Beijing date
// strings (YYYY-MM-DD), compared as text: no time zone can move a case
// approved on 31 March into Q2.

export type Quarter = 1 | 2 | 3 | 4;
export type YearQuarter = { year: number; quarter: Quarter };

const STARTS = ["01-01", "04-01", "07-01", "10-01"] as const;
const ENDS = ["03-31", "06-30", "09-30", "12-31"] as const;

export function isQuarter(value: unknown): value is Quarter {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** The quarter a Beijing date belongs to: 2026-03-31 → 2026 Q1, 2026-04-01 → 2026 Q2. */
export function quarterOf(date: string): YearQuarter {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
  const month = Number(date.slice(5, 7));
  return { year: Number(date.slice(0, 4)), quarter: (Math.floor((month - 1) / 3) + 1) as Quarter };
}

/** First and last day of the quarter, both inclusive. */
export function quarterRange({ year, quarter }: YearQuarter): { from: string; to: string } {
  const y = String(year).padStart(4, "0");
  return { from: `${y}-${STARTS[quarter - 1]}`, to: `${y}-${ENDS[quarter - 1]}` };
}

export function previousQuarter({ year, quarter }: YearQuarter): YearQuarter {
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: (quarter - 1) as Quarter };
}

/** 2026年第一季度 */
export function quarterLabel({ year, quarter }: YearQuarter): string {
  return `${year}年第${"一二三四"[quarter - 1]}季度`;
}

/** Parses a year and a quarter from form or API input; the message names the field. */
export function parseYearQuarter(year: unknown, quarter: unknown): { ok: true; value: YearQuarter } | { ok: false; field: string; message: string } {
  const y = typeof year === "number" ? year : Number(String(year ?? "").trim());
  if (!Number.isInteger(y) || y < 2000 || y > 2100) return { ok: false, field: "year", message: "年度应为四位数字，如 2026" };
  const q = typeof quarter === "number" ? quarter : Number(String(quarter ?? "").trim());
  if (!isQuarter(q)) return { ok: false, field: "quarter", message: "季度应为 1、2、3 或 4" };
  return { ok: true, value: { year: y, quarter: q } };
}
