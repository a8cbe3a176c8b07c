import fc from "fast-check";
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { CATEGORIES } from "@/lib/categories/categories";
import { Money } from "@/lib/money/money";
import { computeSubsidy } from "./compute-subsidy";
import { SUBSIDY_PRESET_IDS, SUBSIDY_PRESETS } from "./presets";
import { subsidyRulesSchema } from "./rules";
import { toSubsidyOutput } from "./subsidy-output";
import { split } from "./test-helpers";

describe("half-up rounding to the cent (四舍五入到分)", () => {
  it("70% of 333.33 = 233.331 → 233.33, personal 100.00 (城口 000 §二(一))", () => {
    expect(split("chengkou-2022", { year: 2022, category: "returned_poverty", tier1: "333.33" })).toMatchObject({ subsidy: "233.33", personal: "100.00" });
  });
  it("90% of 333.35 = 300.015 → 300.02 (a float gives 300.01), personal 33.33", () => {
    expect(split("chengkou-2022", { year: 2022, category: "dibao", tier1: "333.35" })).toMatchObject({ subsidy: "300.02", personal: "33.33" });
  });
  it("70% of 0.05 = 0.035 → 0.04, personal 0.01", () => {
    expect(split("pengshui-2023", { year: 2023, category: "dibao_edge", tier1: "0.05" })).toMatchObject({ subsidy: "0.04", personal: "0.01" });
  });
  it("a zero contribution splits into zeros", () => {
    expect(split("chengkou-2022", { year: 2022, category: "tekun", tier1: "0" })).toEqual({ subsidy: "0.00", personal: "0.00", funding: { personal: "0.00" } });
  });
});

describe("guards", () => {
  const rules = SUBSIDY_PRESETS["chengkou-2022"];
  it("tier 2 without a tier-2 contribution is a programming error here (the parser refuses it first)", () => {
    expect(() => computeSubsidy(rules, { year: 2022, category: "tekun", tier: 2, contribution: { tier1: new Money(380) }, feeExempt: false })).toThrow(RangeError);
  });
  it("negative money is refused", () => {
    expect(() => computeSubsidy(rules, { year: 2022, category: "tekun", tier: 1, contribution: { tier1: new Money(-1) }, feeExempt: false })).toThrow(RangeError);
  });
});

describe("property: the split always adds up", () => {
  // Contributions in cents (0 … 2000.00 元), tier 2 at or above tier 1.
  const cents = fc.integer({ min: 0, max: 200_000 });
  const arb = fc.record({
    policy: fc.constantFrom(...SUBSIDY_PRESET_IDS),
    category: fc.constantFrom(...CATEGORIES),
    yearOffset: fc.integer({ min: 0, max: 6 }),
    tier: fc.constantFrom(1 as const, 2 as const),
    tier1: cents,
    step: cents,
    feeExempt: fc.boolean(),
  });

  it("subsidy + personal = contribution, 0 ≤ subsidy ≤ contribution, funding sums to it, all in cents", () => {
    fc.assert(
      fc.property(arb, (a) => {
        const rules = SUBSIDY_PRESETS[a.policy];
        const year = Math.min(rules.years.from + a.yearOffset, rules.years.to ?? Infinity);
        const tier1 = new Money(a.tier1).dividedBy(100);
        const tier2 = new Money(a.tier1 + a.step).dividedBy(100);
        const chosen = a.tier === 1 ? tier1 : tier2;
        const r = computeSubsidy(rules, { year, category: a.category, tier: a.tier, contribution: { tier1, tier2 }, feeExempt: a.feeExempt });

        expect(r.subsidy.plus(r.personal).equals(chosen)).toBe(true);
        expect(r.subsidy.isNegative()).toBe(false);
        expect(r.subsidy.lessThanOrEqualTo(chosen)).toBe(true);
        const total = r.funding.reduce((s, f) => s.plus(f.amount), new Decimal(0));
        expect(total.equals(chosen)).toBe(true);
        const nonPersonal = r.funding.filter((f) => f.source !== "personal").reduce((s, f) => s.plus(f.amount), new Decimal(0));
        expect(nonPersonal.equals(r.subsidy)).toBe(true);
        for (const f of r.funding) {
          expect(f.amount.isNegative()).toBe(false);
          expect(f.amount.decimalPlaces()).toBeLessThanOrEqual(2);
        }
        if (a.category === "ordinary") expect(r.subsidy.isZero()).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("rule shapes the presets do not use", () => {
  const src = { doc: "000", paragraph: "§二(一)" };
  const rules = subsidyRulesSchema.parse({
    years: { from: 2024, to: 2024, source: src },
    rules: [
      {
        categories: ["dibao"],
        tier1: { kind: "percent", percent: "50", of: "chosen_tier", fundedBy: "finance", source: src },
        tier2: { kind: "percent", percent: "50", of: "chosen_tier", fundedBy: "finance", source: src },
      },
      {
        categories: ["tekun"],
        tier1: { kind: "fixed", amount: "100", fundedBy: "finance", remainder: { paidBy: "medical_assistance" }, source: src },
        tier2: { kind: "fixed", amount: "400", fundedBy: "medical_assistance", source: src },
      },
    ],
  });
  const go = (category: "dibao" | "tekun", tier: 1 | 2) =>
    toSubsidyOutput(computeSubsidy(rules, { year: 2024, category, tier, contribution: { tier1: new Money(380), tier2: new Money(580) }, feeExempt: false }));

  it("percent of the chosen tier: 50% of 580 on tier 2", () => {
    expect(go("dibao", 2)).toMatchObject({ subsidy: "290.00", personal: "290.00" });
  });
  it("a fixed amount whose rest another fund pays; an explicit tier-2 fixed amount", () => {
    expect(go("tekun", 1).funding).toEqual([
      { source: "medical_assistance", amount: "280.00" },
      { source: "finance", amount: "100.00" },
      { source: "personal", amount: "0.00" },
    ]);
    expect(go("tekun", 2)).toMatchObject({ subsidy: "400.00", personal: "180.00" });
  });
});
