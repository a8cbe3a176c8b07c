import { describe, expect, it } from "vitest";
import { SEVEN_LOW_INCOME, type Category } from "@/lib/categories/categories";
import { getPreset } from "@/lib/policies/domain/preset-registry";
import { MONITORED_GROUPS } from "@/lib/policies/domain/presets/preset-helpers";
import { evaluateMonitoring, type MonitoringFigures } from "./evaluate-monitoring";

// Each region's monitoring rule (docs/policy.md §5, §8) at its threshold, one
// cent below and one cent above, on the figure the rule names — and the other
// figure set far over the line, so reading the wrong figure fails.

const rulesOf = (id: string) => getPreset(id)!.monitoring;

function evaluate(presetId: string, category: Category, f: MonitoringFigures, parameter: number) {
  return evaluateMonitoring(rulesOf(presetId), {
    category,
    year: 2023,
    figures: f,
    parameter: () => parameter,
    parameterLabel: () => "参数",
  });
}

describe("000 城口 §三(八): the 7 low-income categories at ≥ 2 × the monitoring standard, after three tiers", () => {
  const standard = 700_000; // 7,000.00 元 → threshold 14,000.00 元
  const threshold = 1_400_000;
  const afterThree = (v: number): MonitoringFigures => ({ afterThreeTiers: v, afterBasicAndCritical: 99_999_999, outOfScope: 0 });

  it.each(SEVEN_LOW_INCOME.map((c) => [c]))("%s: at the threshold flagged (达到), one cent below not, one cent above flagged", (category) => {
    expect(evaluate("chengkou-2022", category, afterThree(threshold - 1), standard)).toMatchObject({ flagged: false, threshold: "14000.00", value: "13999.99" });
    const at = evaluate("chengkou-2022", category, afterThree(threshold), standard);
    expect(at).toMatchObject({ flagged: true, threshold: "14000.00", value: "14000.00" });
    expect(at.basis).toContain("达到");
    expect(evaluate("chengkou-2022", category, afterThree(threshold + 1), standard)).toMatchObject({ flagged: true });
  });

  it("exactly seven categories are covered; 稳定脱贫 and ordinary insured are not", () => {
    expect(SEVEN_LOW_INCOME).toHaveLength(7);
    for (const category of ["stable_exit", "ordinary"] as const) {
      expect(evaluate("chengkou-2022", category, afterThree(99_999_999), standard)).toMatchObject({ flagged: false, threshold: null });
    }
  });
});

describe("002 济宁 §三: after basic + critical illness, above 50 % (边缘/监测) and 150 % (any insured) of the province's prior-year income", () => {
  const income = 3_756_000; // 37,560.00 元
  const afterTwo = (v: number): MonitoringFigures => ({ afterThreeTiers: 0, afterBasicAndCritical: v, outOfScope: 0 });

  it.each(["dibao_edge", ...MONITORED_GROUPS].map((c) => [c]))("%s over 50 per cent: at the threshold not flagged (超过 is strict), one cent above flagged", (category) => {
    const threshold = 1_878_000;
    expect(evaluate("jining-2023", category as Category, afterTwo(threshold - 1), income)).toMatchObject({ flagged: false, threshold: "18780.00" });
    const at = evaluate("jining-2023", category as Category, afterTwo(threshold), income);
    expect(at).toMatchObject({ flagged: false, threshold: "18780.00", value: "18780.00" });
    expect(at.basis).toContain("未超过");
    expect(evaluate("jining-2023", category as Category, afterTwo(threshold + 1), income)).toMatchObject({ flagged: true, value: "18780.01" });
  });

  it("any other insured person over 150 %: at the threshold not flagged, one cent above flagged", () => {
    const threshold = 5_634_000;
    expect(evaluate("jining-2023", "ordinary", afterTwo(threshold - 1), income)).toMatchObject({ flagged: false, threshold: "56340.00" });
    expect(evaluate("jining-2023", "ordinary", afterTwo(threshold), income)).toMatchObject({ flagged: false, threshold: "56340.00" });
    expect(evaluate("jining-2023", "ordinary", afterTwo(threshold + 1), income)).toMatchObject({ flagged: true, value: "56340.01" });
  });

  it("reads the figure after basic + critical illness: a huge figure after three tiers alone flags nobody", () => {
    const f: MonitoringFigures = { afterThreeTiers: 99_999_999, afterBasicAndCritical: 0, outOfScope: 0 };
    expect(evaluate("jining-2023", "dibao_edge", f, income)).toMatchObject({ flagged: false });
  });
});

describe("003 邵阳 §三(八): burden after three tiers above ~25 % of local prior-year income", () => {
  const income = 3_000_000; // 30,000.00 元 → threshold 7,500.00 元
  const threshold = 750_000;
  const afterThree = (v: number): MonitoringFigures => ({ afterThreeTiers: v, afterBasicAndCritical: 99_999_999, outOfScope: 0 });

  it.each([["tekun"], ["dibao"], ["monitored"], ["ordinary"]] as const)("%s: one cent below and at the threshold not flagged, one cent above flagged", (category) => {
    expect(evaluate("shaoyang-2021", category, afterThree(threshold - 1), income)).toMatchObject({ flagged: false, threshold: "7500.00" });
    expect(evaluate("shaoyang-2021", category, afterThree(threshold), income)).toMatchObject({ flagged: false, threshold: "7500.00" });
    const above = evaluate("shaoyang-2021", category, afterThree(threshold + 1), income);
    expect(above).toMatchObject({ flagged: true, value: "7500.01" });
    expect(above.basis).toContain("003");
  });
});
