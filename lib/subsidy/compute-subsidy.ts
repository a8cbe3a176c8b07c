import Decimal from "decimal.js";
import type { Category } from "@/lib/categories/categories";
import { Money, ZERO, minDecimal, toCent } from "@/lib/money/money";
import { describeAmount, describeHeading, describeSource } from "./describe-rule";
import type { FundingSource, SubsidyAmount, SubsidyRule, SubsidyRules } from "./rules";

export type SubsidyInput = {
  /** Contribution year (参保年度). */
  year: number;
  /** The person's single category on the day the contribution is paid (000 §二(一)). */
  category: Category;
  tier: 1 | 2;
  /** Individual contribution standards of the year (个人缴费标准), in 元. */
  contribution: { tier1: Decimal; tier2?: Decimal };
  /** In a group the rules exempt from paying (免缴费人群, 济宁 002 §一). */
  feeExempt: boolean;
};

export type FundingLine = { source: FundingSource | "personal"; amount: Decimal };

export type SubsidyResult = {
  /** Sum of the non-personal funding lines. */
  subsidy: Decimal;
  /** What the person pays: the chosen tier's contribution minus the subsidy. */
  personal: Decimal;
  /**
   * Who pays the chosen tier's contribution, in the order medical_assistance,
   * finance, personal. Subsidy sources appear only when non-zero (a zero line
   * would suggest a fund is involved when it is not); `personal` is always
   * listed, even at 0.00, so every result shows what the person pays — the
   * contract's example lists a subsidy source and `personal`.
   */
  funding: FundingLine[];
  /** Chinese words saying which rule applied, with its source. */
  rule: string;
};

const ORDER: readonly (FundingSource | "personal")[] = ["medical_assistance", "finance", "personal"];

/** Whether the policy's subsidy section covers the contribution year. */
export function coversYear(rules: SubsidyRules, year: number): boolean {
  return year >= rules.years.from && (rules.years.to === undefined || year <= rules.years.to);
}

/** The rule for a category in a year, if any (the schema allows at most one). */
export function findRule(rules: SubsidyRules, category: Category, year: number): SubsidyRule | undefined {
  return rules.rules.find(
    (r) => r.categories.includes(category) && (r.fromYear ?? -Infinity) <= year && year <= (r.toYear ?? Infinity),
  );
}

/**
 * Splits the individual contribution of the chosen tier between the funds and
 * the person. Pure; throws only on input the parser already refuses (a year
 * the policy does not cover, tier 2 without its contribution, negative money).
 */
export function computeSubsidy(rules: SubsidyRules, input: SubsidyInput): SubsidyResult {
  if (!coversYear(rules, input.year)) throw new RangeError(`policy does not cover year ${input.year}`);
  const tier1 = cents(input.contribution.tier1, "tier1");
  const chosen = input.tier === 1 ? tier1 : cents(requireTier2(input.contribution.tier2), "tier2");
  const heading = describeHeading(input.category, input.year, input.tier);
  const funds = new Map<FundingSource | "personal", Decimal>();

  const rule = findRule(rules, input.category, input.year);
  let words: string;
  if (!rule) {
    add(funds, "personal", chosen);
    words = `${heading}：不在本政策资助参保范围内，个人全额缴费`;
  } else if (input.tier === 2 && !rule.tier2) {
    // No tier-2 rule (002/003/004 name none): the tier-1 rule covers the tier-1
    // standard and the step up to tier 2 is the person's own choice and cost.
    const base = minDecimal(tier1, chosen);
    split(funds, rule.tier1, base, tier1, input.feeExempt);
    add(funds, "personal", chosen.minus(base));
    words = `${heading}：政策未单独规定二档资助，按一档标准${describeAmount(rule.tier1)}，高于一档的部分个人负担（${describeSource(rule.tier1.source)}）`;
  } else {
    const amount = input.tier === 2 && rule.tier2 ? rule.tier2 : rule.tier1;
    split(funds, amount, chosen, tier1, input.feeExempt);
    words = `${heading}：${describeAmount(amount)}（${describeSource(amount.source)}）`;
  }

  if (usesFeeExemption(rule, input.tier)) words += input.feeExempt ? "；本人属免缴费人群" : "；本人不属免缴费人群";
  const funding = ORDER.flatMap((source): FundingLine[] => {
    const amount = funds.get(source) ?? ZERO;
    return source === "personal" || !amount.isZero() ? [{ source, amount }] : [];
  });
  const personal = funds.get("personal") ?? ZERO;
  return { subsidy: chosen.minus(personal), personal, funding, rule: words };
}

/** Adds one amount rule's split of `base` (the contribution being divided) to `funds`. */
function split(funds: Map<FundingSource | "personal", Decimal>, amount: SubsidyAmount, base: Decimal, tier1: Decimal, feeExempt: boolean) {
  switch (amount.kind) {
    case "percent": {
      // Rounded once, half-up to the cent, and never more than is owed.
      const of = amount.of === "tier1" ? tier1 : base;
      const subsidy = minDecimal(toCent(of.times(amount.percent).dividedBy(100)), base);
      add(funds, amount.fundedBy, subsidy);
      add(funds, "personal", base.minus(subsidy));
      return;
    }
    case "fixed": {
      const subsidy = minDecimal(new Money(amount.amount), base);
      add(funds, amount.fundedBy, subsidy);
      const payer = feeExempt && amount.remainder.feeExemptPaidBy ? amount.remainder.feeExemptPaidBy : amount.remainder.paidBy;
      add(funds, payer, base.minus(subsidy));
      return;
    }
    case "none":
      add(funds, "personal", base);
  }
}

function add(funds: Map<FundingSource | "personal", Decimal>, source: FundingSource | "personal", amount: Decimal) {
  funds.set(source, (funds.get(source) ?? ZERO).plus(amount));
}

function usesFeeExemption(rule: SubsidyRule | undefined, tier: 1 | 2): boolean {
  const amount = tier === 2 && rule?.tier2 ? rule.tier2 : rule?.tier1;
  return amount?.kind === "fixed" && amount.remainder.feeExemptPaidBy !== undefined;
}

function cents(value: Decimal, name: string): Decimal {
  if (value.isNegative()) throw new RangeError(`contribution.${name} is negative`);
  return toCent(new Money(value));
}

function requireTier2(tier2: Decimal | undefined): Decimal {
  if (!tier2) throw new RangeError("tier 2 needs contribution.tier2");
  return tier2;
}
