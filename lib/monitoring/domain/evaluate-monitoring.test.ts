import { describe, expect, it } from "vitest";
import { getPreset } from "@/lib/policies/domain/preset-registry";
import { evaluateMonitoring, type MonitoringFigures } from "./evaluate-monitoring";

// The monitoring rules on their own, as the dashboards will call them with
// figures summed from stored claims.

const figures = (afterThreeTiers: number, afterBasicAndCritical = afterThreeTiers, outOfScope = 0): MonitoringFigures => ({
  afterThreeTiers,
  afterBasicAndCritical,
  outOfScope,
});

describe("evaluateMonitoring", () => {
  const jining = getPreset("jining-2023")!.monitoring;
  const ctx = (category: "dibao_edge" | "ordinary" | "dibao", f: MonitoringFigures, income?: number) => ({
    category,
    year: 2023,
    figures: f,
    parameter: () => income,
    parameterLabel: () => "山东省上年全省居民人均可支配收入",
  });

  it("002 §三: reads the figure after basic + critical illness, not after assistance", () => {
    const r = evaluateMonitoring(jining, ctx("dibao_edge", figures(0, 1_878_001), 3_756_000));
    expect(r).toMatchObject({ flagged: true, threshold: "18780.00", value: "18780.01" });
    expect(r.basis).toContain("002 §三");
  });

  it("150% for ordinary insured; no rule for dibao", () => {
    expect(evaluateMonitoring(jining, ctx("ordinary", figures(0, 5_634_000), 3_756_000))).toMatchObject({ flagged: false, threshold: "56340.00" });
    expect(evaluateMonitoring(jining, ctx("dibao", figures(9_999_999), 3_756_000))).toMatchObject({ flagged: false, threshold: null });
  });

  it("counts out-of-scope cost only when the rule says so", () => {
    const rule = { ...jining[0]!, includeOutOfScope: true };
    expect(evaluateMonitoring([rule], ctx("dibao_edge", figures(0, 1_000_000, 900_000), 3_756_000))).toMatchObject({ flagged: true, value: "19000.00" });
  });

  it("without the parameter: not flagged, and the basis says what is missing", () => {
    const r = evaluateMonitoring(jining, ctx("dibao_edge", figures(0, 9_000_000)));
    expect(r).toMatchObject({ flagged: false, threshold: null, value: "90000.00" });
    expect(r.basis).toContain("未配置 2023 年数值");
  });
});
