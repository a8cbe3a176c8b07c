import { describe, expect, it } from "vitest";
import { buildPaymentsFigure } from "./payments-figure";
import { buildSubsidyFigure } from "./subsidy-figure";

const tiers = (claims: number, scope: string, basic: string, selfPaid: string) => ({
  claims,
  totalCost: scope,
  policyScopeCost: scope,
  basic,
  critical: "0.00",
  assistance: "0.00",
  tilted: "0.00",
  selfPaid,
});

describe("payments figure", () => {
  it("shares of the policy-scope cost, the inpatient basic share, every month listed, children in order", () => {
    const f = buildPaymentsFigure({
      division: "430524000000",
      name: "隆回县",
      months: ["2026-01", "2026-02"],
      groups: [
        { grouping: "total", key: null, ...tiers(3, "300.00", "200.00", "100.00") },
        { grouping: "month", key: "2026-02", ...tiers(3, "300.00", "200.00", "100.00") },
        { grouping: "category", key: "ordinary", ...tiers(1, "100.00", "50.00", "50.00") },
        { grouping: "category", key: "tekun", ...tiers(2, "200.00", "150.00", "50.00") },
        { grouping: "child", key: "430524101000", ...tiers(3, "300.00", "200.00", "100.00") },
        { grouping: "setting", key: "inpatient", ...tiers(1, "0.30", "0.10", "0.20") },
      ],
      children: [
        { code: "430524100000", name: "桃洪镇" },
        { code: "430524101000", name: "小沙江镇" },
      ],
    });
    expect(f.shares).toEqual({ basic: "66.67", critical: "0.00", assistance: "0.00", tilted: "0.00", selfPaid: "33.33" });
    expect(f.inpatientScopeShare).toBe("33.33");
    expect(f.byMonth.map((m) => [m.month, m.claims])).toEqual([["2026-01", 0], ["2026-02", 3]]);
    expect(f.byCategory.map((c) => [c.category, c.label])).toEqual([["tekun", "特困人员"], ["ordinary", "普通参保人员"]]);
    expect(f.children.map((c) => [c.division, c.claims, c.basic])).toEqual([["430524100000", 0, "0.00"], ["430524101000", 3, "200.00"]]);
  });
});

describe("subsidy figure", () => {
  it("sources in the rules' order with Chinese labels (even at 0.00), exact sums, children adding up", () => {
    const f = buildSubsidyFigure({
      division: "430524100000",
      name: "桃洪镇",
      years: [2026],
      groups: [
        { child: "430524100201", category: "dibao", people: 2, subsidy: "0.10", personal: "1.00" },
        { child: "430524100201", category: "tekun", people: 1, subsidy: "0.20", personal: "0.00" },
        { child: "430524100202", category: "dibao", people: 1, subsidy: "380.00", personal: "0.00" },
      ],
      sources: [
        { source: "personal", amount: "1.00" },
        { source: "medical_assistance", amount: "380.30" },
      ],
      children: [
        { code: "430524100201", name: "松岭村" },
        { code: "430524100202", name: "金田村" },
      ],
    });
    expect(f).toMatchObject({ people: 4, subsidy: "380.30", personal: "1.00" });
    expect(f.bySource).toEqual([
      { source: "medical_assistance", label: "医疗救助基金", amount: "380.30" },
      { source: "finance", label: "财政", amount: "0.00" },
      { source: "personal", label: "个人", amount: "1.00" },
    ]);
    expect(f.byCategory).toEqual([
      { category: "tekun", label: "特困人员", people: 1, subsidy: "0.20", personal: "0.00" },
      { category: "dibao", label: "低保对象", people: 3, subsidy: "380.10", personal: "1.00" },
    ]);
    expect(f.children.map((c) => [c.name, c.people, c.subsidy])).toEqual([["松岭村", 3, "0.30"], ["金田村", 1, "380.00"]]);
  });
});
