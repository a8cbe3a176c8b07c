import { formatIsoDate, tryParseIsoDate } from "@/lib/calendar/domain/iso-date";
import { ValidationError } from "@/lib/errors/app-error";
import type { Period } from "./dashboard";

// The period every dashboard figure respects (dashboard.ts says the forms):
// a month, a quarter, a year, or a custom inclusive range of at most three
// years; without any parameter the current year from 1 January to today.
// Pure: "today" is passed in (todayOf(ctx) in a use case or route).

export type PeriodInput = { period?: unknown; from?: unknown; to?: unknown };

/** The earliest and latest year a period may name: the portal holds nothing before 2000. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;
/** A custom range may span at most this many years (to < from + 3 years). */
export const MAX_RANGE_YEARS = 3;

const PERIOD_MESSAGE = "统计期间应为 2026-11（月）、2026-Q3（季度）或 2026（年），也可用 from 与 to 指定起止日期";

// An absent parameter and an empty one (?period=) mean the same: not given.
function given(value: unknown, field: "period" | "from" | "to"): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new ValidationError(field, field === "period" ? PERIOD_MESSAGE : `${field === "from" ? "起始日期" : "截止日期"}（${field}）应为 YYYY-MM-DD 格式的日期`);
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

function checkYear(year: number, field: string): void {
  if (year < FIRST_YEAR || year > LAST_YEAR) throw new ValidationError(field, `统计年度应在 ${FIRST_YEAR} 至 ${LAST_YEAR} 年之间`);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The last day of a month (1–12) as YYYY-MM-DD. */
function monthEnd(year: number, month: number): string {
  const firstOfNext = tryParseIsoDate(month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`)!;
  return formatIsoDate(firstOfNext - 1);
}

function dateParam(value: string, field: "from" | "to"): string {
  const what = field === "from" ? "起始日期" : "截止日期";
  if (tryParseIsoDate(value) === null) throw new ValidationError(field, `${what}（${field}）应为 YYYY-MM-DD 格式的有效日期，如 2026-01-01`);
  checkYear(Number(value.slice(0, 4)), field);
  return value;
}

/**
 * Parses the URL / API parameters into a Period; a bad value is a
 * ValidationError in Chinese naming the field (`period`, `from` or `to`).
 * `period` and `from`/`to` are exclusive; `from` and `to` come together.
 */
export function parsePeriod(input: PeriodInput, today: string): Period {
  const period = given(input.period, "period");
  const from = given(input.from, "from");
  const to = given(input.to, "to");

  if (period !== undefined) {
    if (from !== undefined || to !== undefined) throw new ValidationError("period", "统计期间（period）与起止日期（from、to）只能二选一");
    let m = /^(\d{4})$/.exec(period);
    if (m) {
      const year = Number(m[1]);
      checkYear(year, "period");
      return { kind: "year", from: `${year}-01-01`, to: `${year}-12-31`, label: `${year}年` };
    }
    m = /^(\d{4})-[Qq]([1-4])$/.exec(period);
    if (m) {
      const year = Number(m[1]);
      const quarter = Number(m[2]);
      checkYear(year, "period");
      return {
        kind: "quarter",
        from: `${year}-${pad(quarter * 3 - 2)}-01`,
        to: monthEnd(year, quarter * 3),
        label: `${year}年第${quarter}季度`,
      };
    }
    m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
    if (m) {
      const year = Number(m[1]);
      const month = Number(m[2]);
      checkYear(year, "period");
      return { kind: "month", from: `${year}-${m[2]}-01`, to: monthEnd(year, month), label: `${year}年${month}月` };
    }
    throw new ValidationError("period", `统计期间“${period.slice(0, 20)}”无法识别：${PERIOD_MESSAGE}`);
  }

  if (from !== undefined || to !== undefined) {
    if (from === undefined) throw new ValidationError("from", "指定截止日期（to）时须同时指定起始日期（from）");
    if (to === undefined) throw new ValidationError("to", "指定起始日期（from）时须同时指定截止日期（to）");
    dateParam(from, "from");
    dateParam(to, "to");
    if (to < from) throw new ValidationError("to", "截止日期（to）不能早于起始日期（from）");
    const limit = `${Number(from.slice(0, 4)) + MAX_RANGE_YEARS}${from.slice(4)}`;
    // From 29 February the limit is 1 March three years on (that year has no 29th).
    const limitDay = tryParseIsoDate(limit) ?? tryParseIsoDate(`${limit.slice(0, 4)}-03-01`)!;
    if (tryParseIsoDate(to)! >= limitDay) throw new ValidationError("to", `自定义期间最长 ${MAX_RANGE_YEARS} 年：截止日期应早于 ${formatIsoDate(limitDay)}`);
    return { kind: "range", from, to, label: `${from} 至 ${to}` };
  }

  const year = Number(today.slice(0, 4));
  return { kind: "year", from: `${year}-01-01`, to: today, label: `${year}年（1月1日至${Number(today.slice(5, 7))}月${Number(today.slice(8, 10))}日）` };
}

/** The calendar years a period touches, in order (a range across New Year touches two). */
export function yearsOf(period: Pick<Period, "from" | "to">): number[] {
  const years: number[] = [];
  for (let y = Number(period.from.slice(0, 4)); y <= Number(period.to.slice(0, 4)); y++) years.push(y);
  return years;
}

/** The months (YYYY-MM) a period touches, in order. */
export function monthsOf(period: Pick<Period, "from" | "to">): string[] {
  const months: string[] = [];
  let y = Number(period.from.slice(0, 4));
  let m = Number(period.from.slice(5, 7));
  const endY = Number(period.to.slice(0, 4));
  const endM = Number(period.to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    months.push(`${y}-${pad(m)}`);
    m++;
    if (m === 13) {
      m = 1;
      y++;
    }
  }
  return months;
}

/** The reporting date of a stock figure (coverage): the period's end, or today if that is earlier. */
export function reportingDate(period: Pick<Period, "to">, today: string): string {
  return period.to < today ? period.to : today;
}
