import { CATEGORY_INFO, type Category } from "@/lib/categories/categories";
import { Money } from "@/lib/money/money";
import type { Setting } from "./schema/primitives";
import type { Source } from "./schema/source";

// Chinese phrases shared by describe-policy (the admin page) and the
// settlement trace, so both say the same thing the same way.

/** "11000.00" → "11000", "8450.50" → "8450.5": how the documents write yuan. */
export function yuan(amount: string): string {
  return new Money(amount).toFixed();
}

/** `percent` of a yearly parameter in yuan, half-up to the fen: ("29500", "10") → "2950.00". */
export function shareOfYuan(value: string, percent: string): string {
  return new Money(value).times(percent).div(100).toDecimalPlaces(2, Money.ROUND_HALF_UP).toFixed(2);
}

/**
 * An assistance deductible that is a share of a yearly parameter, as the
 * policy page and the trace say it: "上年居民人均可支配收入的 10%（2025 年度为 2950 元）".
 */
export function yearShareText(label: string, percent: string, values: readonly { year: number; value: string }[]): string {
  const years = [...values].sort((a, b) => a.year - b.year).map((v) => `${v.year} 年度为 ${yuan(shareOfYuan(v.value, percent))} 元`);
  return `${label}的 ${pct(percent)}（${years.length > 0 ? years.join("、") : "未填写年度数值，启用前须在年度参数中填写"}）`;
}

/** "65" → "65%". */
export function pct(percent: string): string {
  return `${new Money(percent).toFixed()}%`;
}

export function categoriesText(categories: readonly Category[]): string {
  return categories.map((c) => CATEGORY_INFO[c].name).join("、");
}

const SETTING_NAMES: Record<Setting, string> = { inpatient: "住院", outpatient: "门诊" };

export function settingsText(settings: readonly Setting[]): string {
  return settings.map((s) => SETTING_NAMES[s]).join("和");
}

/** "003 §三(六)". */
export function sourceRef(source: Source): string {
  return `${source.doc} ${source.paragraph}`;
}

export const LEVEL_NAMES = { 1: "一级", 2: "二级", 3: "三级" } as const;
