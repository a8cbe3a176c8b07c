import Decimal from "decimal.js";
import { Money } from "@/lib/money/money";
import { fail, shown, toHalfWidth, type Check } from "@/lib/rosters/domain/check";
import { parseRosterDate } from "@/lib/rosters/domain/dates";

// One check per column of the enrolment file (the ID and the name use the
// roster checks): the normalised value, or a Chinese reason saying what to fix.

export function checkYear(raw: string, currentYear: number): Check<number> {
  if (raw === "") return fail("参保年度为空，请填写四位年份，如 2026");
  const text = toHalfWidth(raw).replace(/\s+/g, "").replace(/年度?$/, "");
  if (!/^\d{4}$/.test(text)) return fail(`参保年度“${shown(raw)}”应为四位年份，如 2026`);
  const year = Number(text);
  const latest = currentYear + 1;
  if (year < 2000 || year > latest) return fail(`参保年度 ${year} 不在 2000 至 ${latest} 之间，请核对`);
  return { value: year };
}

const TIERS: Record<string, 1 | 2> = { 一档: 1, 二档: 2, 一: 1, 二: 2, "1": 1, "2": 2, "1档": 1, "2档": 2, 第一档: 1, 第二档: 2 };

export function checkTier(raw: string): Check<1 | 2> {
  if (raw === "") return fail("缴费档次为空，请填写 一档 或 二档");
  const tier = TIERS[toHalfWidth(raw).replace(/\s+/g, "")];
  return tier ? { value: tier } : fail(`无法识别的缴费档次“${shown(raw)}”，请填写 一档 或 二档`);
}

/** A contribution standard in 元: positive, at most two decimals. */
export function checkAmount(raw: string, header: string): Check<Decimal> {
  if (raw === "") return fail(`${header}为空，请填写金额（元），如 400`);
  const text = toHalfWidth(raw).replace(/[\s,，]/g, "").replace(/^[¥￥]/, "").replace(/元$/, "");
  if (!/^\d+(\.\d+)?$/.test(text)) return fail(`${header}“${shown(raw)}”不是金额，请填写数字（元），如 400`);
  if (/\.\d{3,}$/.test(text) && !/\.\d{2}0+$/.test(text)) return fail(`${header} ${shown(raw)} 超过两位小数，请精确到分`);
  const value = new Money(text);
  if (value.isZero()) return fail(`${header}不能为 0，请填写该档次的个人缴费标准`);
  if (value.greaterThan(100_000)) return fail(`${header} ${text} 元超出合理范围，请核对`);
  return { value: value.toDecimalPlaces(2) };
}

/**
 * The payment day: contributions for year Y are collected in the autumn of
 * Y−1 (集中参保期), and late enrolment runs to the end of Y (000 §三(四)).
 */
export function checkPaidOn(raw: string, year: number | undefined, today: string): Check<string> {
  if (raw === "") return fail("缴费日期为空，请填写，如 2025-10-15");
  const date = parseRosterDate(raw);
  if (!date) return fail(`缴费日期“${shown(raw)}”不是有效日期，请按 2025-10-15 的格式填写`);
  if (date > today) return fail(`缴费日期 ${date} 晚于今天，请核对`);
  if (year !== undefined && (date < `${year - 1}-01-01` || date > `${year}-12-31`)) {
    return fail(`缴费日期 ${date} 不在 ${year} 年度的缴费期内（${year - 1}-01-01 至 ${year}-12-31），请核对参保年度或缴费日期`);
  }
  return { value: date };
}

const YES = new Set(["是", "y", "yes", "true", "1", "免缴"]);
const NO = new Set(["", "否", "n", "no", "false", "0"]);

export function checkFeeExempt(raw: string): Check<boolean> {
  const text = toHalfWidth(raw).trim().toLowerCase();
  if (YES.has(text)) return { value: true };
  if (NO.has(text)) return { value: false };
  return fail(`免缴人员“${shown(raw)}”应填 是 或 否（不填视为否）`);
}
