import { CATEGORY_INFO, isCategory } from "@/lib/categories/categories";
import { formatYuan } from "@/lib/money/money";
import { FUNDING_SOURCE_NAMES } from "@/lib/subsidy/describe-rule";

// How the ledger shows a stored subsidy row to a clerk.

export function categoryName(code: string): string {
  return isCategory(code) ? CATEGORY_INFO[code].name : code;
}

export function sourceName(source: string): string {
  return (FUNDING_SOURCE_NAMES as Record<string, string>)[source] ?? source;
}

/** "医疗救助基金 ¥200.00；个人 ¥200.00" */
export function fundingText(funding: readonly { source: string; amount: string }[]): string {
  return funding.map((f) => `${sourceName(f.source)} ${formatYuan(f.amount)}`).join("；");
}

export function tierName(tier: number): string {
  return tier === 2 ? "二档" : "一档";
}
