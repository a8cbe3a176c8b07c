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
