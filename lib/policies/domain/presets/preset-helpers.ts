import { CATEGORIES, DEFAULT_RANKING, type Category } from "@/lib/categories/categories";
import type { BasicInsurance } from "../schema/basic-insurance";
import type { Source } from "../schema/source";

// Small helpers the five presets share, so each preset file reads like the
// document it encodes.

/** A source that quotes the document. */
export function cite(doc: string, paragraph: string, quote?: string, note?: string): Source {
  return { doc, paragraph, ...(quote ? { quote } : {}), ...(note ? { note } : {}) };
}

/** A value the document leaves open: docs/policy.md's or the product's default, with the reason. */
export function defaulted(doc: string, paragraph: string, note: string, quote?: string): Source {
  return { doc, paragraph, defaulted: true, note, ...(quote ? { quote } : {}) };
}

/** docs/policy.md §1's default ranking, restricted to the categories a policy covers. */
export function rankingOf(categories: readonly Category[]): Category[][] {
  return DEFAULT_RANKING.map((tier) => tier.filter((c) => categories.includes(c))).filter((tier) => tier.length > 0);
}

/**
 * Basic insurance when a claim carries no basicPaid. No seed fixes a formula
 * ("县域内政策范围内住院费用支付比例总体保持在70%左右"), so every figure is a
 * product default an administrator is expected to replace.
 */
export function defaultBasicInsurance(doc: string, paragraph: string, quote?: string): BasicInsurance {
  return {
    deductiblePerYear: {
      amount: "0",
      source: defaulted(doc, paragraph, "文件未规定基本医保起付线；默认 0（医院结算时请传 basicPaid）", quote),
    },
    ratios: {
      inpatient: { level1: "70", level2: "70", level3: "70" },
      outpatient: { level1: "50", level2: "50", level3: "50" },
      source: defaulted(
        doc,
        paragraph,
        "文件只写县域内住院政策范围内支付比例“70%左右”；默认住院各级 70%，门诊无文件数字，默认 50%",
        quote,
      ),
    },
    annualCap: {
      amount: null,
      source: defaulted(doc, paragraph, "文件未规定基本医保年度最高支付限额；默认不设"),
    },
  };
}

/** The seven low-income groups' monitored sub-groups under their separate codes (docs/policy.md §1). */
export const MONITORED_GROUPS: readonly Category[] = ["monitored", "unstable_exit", "edge_poverty", "sudden_hardship"];

/**
 * Every insured person, whatever their category (普通参保人员 included): whom
 * 大病保险 covers (000 §三(六) states the general rule before the tilt) and whom
 * 004 §二(二)3 五's PKU food assistance names (特殊疾病患者 as a group of its own).
 */
export const EVERY_INSURED: readonly Category[] = CATEGORIES;
