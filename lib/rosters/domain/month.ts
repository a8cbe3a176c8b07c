import { ValidationError } from "@/lib/errors/app-error";

/** First day of a YYYY-MM month and the day before it, or a ValidationError naming the month field. */
export function monthBounds(month: string): { monthStart: string; prevDay: string; monthEnd: string } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const year = Number(m?.[1]);
  const mon = Number(m?.[2]);
  if (!m || mon < 1 || mon > 12 || year < 2000 || year > 2100)
    throw new ValidationError("month", `月份“${month}”无效，格式应为 YYYY-MM，如 2025-10`);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return {
    monthStart: `${m[1]}-${m[2]}-01`,
    prevDay: iso(new Date(Date.UTC(year, mon - 1, 0))),
    monthEnd: iso(new Date(Date.UTC(year, mon, 0))),
  };
}
