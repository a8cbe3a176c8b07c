import { CATEGORY_INFO, type Category } from "@/lib/categories/categories";
import type { FundingSource, Remainder, SourceRef, SubsidyAmount } from "./rules";

// Chinese sentences for the `rule` of a subsidy result: a clerk reads which
// rule applied and where it comes from, and can check the figure by hand.

export const FUNDING_SOURCE_NAMES: Record<FundingSource | "personal", string> = {
  medical_assistance: "医疗救助基金",
  finance: "财政",
  personal: "个人",
};

export function describeSource(source: SourceRef): string {
  const base = `依据 ${source.doc} ${source.paragraph}`;
  if (source.defaulted) return `${base}；文件未明确，采用默认：${source.note ?? ""}`;
  return base;
}

function describeRemainder(remainder: Remainder): string {
  const payer = FUNDING_SOURCE_NAMES[remainder.paidBy];
  if (!remainder.feeExemptPaidBy) return `其余由${payer}负担`;
  const exempt = FUNDING_SOURCE_NAMES[remainder.feeExemptPaidBy];
  return `其余由${payer}负担（属免缴费人群的由${exempt}负担）`;
}

export function describeAmount(amount: SubsidyAmount): string {
  switch (amount.kind) {
    case "percent": {
      const base = amount.of === "tier1" ? "一档个人缴费标准" : "所选档次个人缴费";
      return `按${base}的 ${amount.percent}% 资助，由${FUNDING_SOURCE_NAMES[amount.fundedBy]}负担，超出部分个人负担`;
    }
    case "fixed":
      return `定额资助 ${amount.amount} 元，由${FUNDING_SOURCE_NAMES[amount.fundedBy]}负担，${describeRemainder(amount.remainder)}`;
    case "none":
      return "不享受资助参保，个人全额缴费";
  }
}

export function describeHeading(category: Category, year: number, tier: 1 | 2): string {
  return `${CATEGORY_INFO[category].name}，${year} 年度参加${tier === 1 ? "一档" : "二档"}`;
}
