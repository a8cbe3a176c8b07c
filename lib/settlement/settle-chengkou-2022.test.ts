import { describe, expect, it } from "vitest";
import { amounts, editablePreset, settle, traceOf } from "./settle-test-helpers";

// 城口 000 (城府办发〔2021〕216号). Critical-illness deductible = 50% of the
// city's prior-year income (2022 preset value 33803 → 16901.50).
const C = "chengkou-2022";
const stay = (base: string, extra: Record<string, unknown> = {}) => ({ date: "2022-05-01", policyScopeCost: base, basicPaid: "0", ...extra });

describe("chengkou-2022 §三(六) critical illness", () => {
  it("ordinary rule: 50% of 上年度人均可支配收入 as deductible, 60% above it", () => {
    // base 30000 → (30000 − 16901.50) × 60% = 7859.10; assistance ≥60% of the rest: 22140.90 × 60% = 13284.54
    const r = settle(C, "dibao_edge", [stay("30000")]);
    expect(amounts(r.claims[0])).toEqual(["0.00", "7859.10", "13284.54", "0.00", "8856.36"]);
    expect(traceOf(r.claims[0], "critical")[0]).toMatchObject({ deductible: "16901.50", ratio: "60%" });
  });

  it("tilt for tekun/dibao/returned_poverty: deductible ×50% = 8450.75, ratio 65%; assistance ≥70%", () => {
    // (30000 − 8450.75) × 65% = 14007.0125 → 14007.01; (30000 − 14007.01) × 70% = 11195.093 → 11195.09
    const r = settle(C, "dibao", [stay("30000")]);
    expect(amounts(r.claims[0])).toEqual(["0.00", "14007.01", "11195.09", "0.00", "4797.90"]);
  });

  it("tilt removes the cap (不设封顶线): with a 10000 cap configured, only the untilted person is capped", () => {
    const policy = editablePreset(C);
    policy.criticalIllness!.annualCap.amount = "10000";
    const edge = settle(C, "dibao_edge", [stay("100000")], { policy }).claims[0];
    expect(edge?.critical).toBe("10000.00"); // (100000 − 16901.50) × 60% = 49859.10 → cap
    expect(traceOf(edge, "critical")[0]?.limit).toBe("10000.00");
    expect(settle(C, "dibao", [stay("100000")], { policy }).claims[0]?.critical).toBe("59507.01"); // 91549.25 × 65%
  });

  it("a parameter given in the input overrides the preset's yearly value", () => {
    const r = settle(C, "dibao_edge", [stay("30000")], { parameters: { priorYearIncome: "40000" } });
    expect(r.claims[0]?.critical).toBe("6000.00"); // (30000 − 20000) × 60%
  });

  it("a year with no configured income asks for the parameter", () => {
    expect(() => settle(C, "dibao", [{ ...stay("30000"), date: "2025-03-01" }])).toThrow(
      "parameters.priorYearIncome: is required — policy chengkou-2022 has no 2025 value",
    );
  });
});

describe("chengkou-2022 §三(七) assistance", () => {
  it("stable_exit is not assisted (§二(二): 转为按规定享受基本医疗保险待遇)", () => {
    const r = settle(C, "stable_exit", [stay("30000")]);
    expect(amounts(r.claims[0])).toEqual(["0.00", "7859.10", "0.00", "0.00", "22140.90"]);
    expect(traceOf(r.claims[0], "assistance")[0]?.rule).toContain("未配置医疗救助规则");
  });

  it("outpatient and inpatient share one annual limit (门诊和住院救助共用年度救助限额)", () => {
    const policy = editablePreset(C);
    policy.limitPools[0]!.annualLimit = "20000";
    const r = settle(C, "tekun", [
      { date: "2022-03-01", setting: "outpatient", policyScopeCost: "10000", basicPaid: "5000", criticalPaid: "0" },
      { date: "2022-04-01", setting: "inpatient", policyScopeCost: "50000", basicPaid: "20000", criticalPaid: "0" },
      { date: "2022-05-01", setting: "outpatient", policyScopeCost: "10000", basicPaid: "5000", criticalPaid: "0" },
      { date: "2023-01-05", setting: "outpatient", policyScopeCost: "10000", basicPaid: "5000", criticalPaid: "0" },
    ], { policy });
    // 3500, then 21000 → 16500 left, then 0; the new year starts a new limit
    expect(r.claims.map((c) => c.assistance)).toEqual(["3500.00", "16500.00", "0.00", "3500.00"]);
  });
});

describe("chengkou-2022 §三(八) monitoring: 7 low-income categories, ≥ 2 × 监测标准 after three tiers", () => {
  const unassisted = (selfPaid: string) => ({ date: "2022-05-01", referred: false, policyScopeCost: selfPaid, basicPaid: "0", criticalPaid: "0" });

  it("flags at exactly twice the standard (达到…2倍及以上), not a cent below", () => {
    const params = { parameters: { monitoringStandard: "6000" } };
    expect(settle(C, "dibao_edge", [unassisted("12000")], params).monitoring).toMatchObject({ flagged: true, threshold: "12000.00", value: "12000.00" });
    expect(settle(C, "dibao_edge", [unassisted("11999.99")], params).monitoring).toMatchObject({ flagged: false });
  });

  it("says so when the standard is not configured, and does not cover stable_exit", () => {
    const missing = settle(C, "dibao", [unassisted("50000")]).monitoring;
    expect(missing).toMatchObject({ flagged: false, threshold: null, value: "50000.00" });
    expect(missing?.basis).toContain("乡村振兴部门确定的监测标准未配置 2022 年数值");
    expect(settle(C, "stable_exit", [unassisted("50000")], { parameters: { monitoringStandard: "6000" } }).monitoring?.basis).toContain("不覆盖");
  });

  it("reports each year when claims span two", () => {
    const m = settle(C, "dibao", [unassisted("13000"), { ...unassisted("100"), date: "2023-02-01" }], { parameters: { monitoringStandard: "6000" } }).monitoring;
    expect(m).toMatchObject({ year: 2023, flagged: false });
    expect(m?.byYear?.map((y) => [y.year, y.flagged])).toEqual([[2022, true], [2023, false]]);
  });
});
