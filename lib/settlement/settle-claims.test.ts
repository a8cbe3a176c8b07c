import { describe, expect, it } from "vitest";
import { getPreset } from "@/lib/policies/domain/preset-registry";
import { settleClaims } from "./settle-claims";
import { amounts, editablePreset, settle, traceOf } from "./settle-test-helpers";

// Engine behaviour common to every policy: computed basic insurance, ordering,
// per-year deductibles of assistance rules, misuse by a programmer.

describe("basic insurance computed from the policy's (defaulted) parameters", () => {
  it("ratio by setting and level, deductible per year accumulated over claims, annual cap", () => {
    const policy = editablePreset("shaoyang-2021");
    policy.basicInsurance.deductiblePerYear.amount = "1000";
    policy.basicInsurance.ratios.inpatient.level3 = "80";
    policy.basicInsurance.annualCap.amount = "10000";
    const r = settle("shaoyang-2021", "ordinary", [
      { date: "2022-02-01", setting: "outpatient", policyScopeCost: "600" },
      { date: "2022-03-01", hospitalLevel: 3, policyScopeCost: "10400" },
      { date: "2022-04-01", hospitalLevel: 2, policyScopeCost: "5000" },
      { date: "2023-01-02", hospitalLevel: 2, policyScopeCost: "1000" },
    ], { policy });
    // 600 all deductible; 400 more deductible then 10000 × 80% = 8000; 5000 × 70% = 3500 → cap leaves 2000; new year: 1000 deductible again
    expect(r.claims.map((c) => c.basic)).toEqual(["0.00", "8000.00", "2000.00", "0.00"]);
    expect(traceOf(r.claims[1], "basic")[0]).toMatchObject({ deductible: "400.00", ratio: "80%", amount: "8000.00" });
    expect(traceOf(r.claims[2], "basic")[0]?.limit).toBe("10000.00");
  });
});

describe("claim order", () => {
  it("settles by date, ties by id, and lists the claims in that order", () => {
    const stay = (id: string, date: string) => ({ id, date, policyScopeCost: "20000", basicPaid: "10000" });
    const r = settle("shaoyang-2021", "ordinary", [stay("b", "2022-05-01"), stay("c", "2022-04-01"), stay("a", "2022-05-01")]);
    expect(r.claims.map((c) => c.id)).toEqual(["c", "a", "b"]);
    // the deductible 11000 is taken by c (10000) and a (1000): a pays 9000 × 60%, b 10000 × 60%
    expect(r.claims.map((c) => c.critical)).toEqual(["0.00", "5400.00", "6000.00"]);
  });
});

describe("assistance deductible per year", () => {
  it("is taken once a calendar year for the rule", () => {
    const policy = editablePreset("shandong-2019");
    policy.assistance.rules[0]!.deductible = { kind: "perYear", amount: "1000", source: { doc: "004", paragraph: "测试" } };
    policy.limitPools[0]!.annualLimit = null;
    const stay = (date: string) => ({ date, policyScopeCost: "3000", basicPaid: "1000", criticalPaid: "0" });
    const r = settle("shandong-2019", "dibao", [stay("2019-02-01"), stay("2019-03-01"), stay("2020-02-01")], { policy });
    expect(r.claims.map((c) => c.assistance)).toEqual(["700.00", "1400.00", "700.00"]); // (2000 − 1000) × 70%, 2000 × 70%, reset
  });
});

describe("totals", () => {
  it("sum the claims", () => {
    const r = settle("pengshui-2023", "tekun", [
      { date: "2023-06-10", hospitalLevel: 1, policyScopeCost: "10000", basicPaid: "5000", criticalPaid: "0" },
      { date: "2023-07-10", setting: "outpatient", specialDisease: true, policyScopeCost: "1000.01", basicPaid: "500", criticalPaid: "0" },
    ]);
    expect(r.claims.map(amounts)).toEqual([
      ["5000.00", "0.00", "0.00", "1200.00", "3800.00"],
      ["500.00", "0.00", "400.01", "0.00", "100.00"], // 500.01 × 80% = 400.008
    ]);
    expect(r.totals).toEqual({ basic: "5500.00", critical: "0.00", assistance: "400.01", tilted: "1200.00", selfPaid: "3900.00" });
  });
});

describe("misuse by a caller that skipped parseSettleInput", () => {
  it("refuses given amounts above the cost instead of paying a negative tier", () => {
    const claims = [{ id: "x", date: "2023-06-10", setting: "inpatient" as const, policyScopeCost: 100, basicPaid: 80, criticalPaid: 30 }];
    expect(() => settleClaims(getPreset("pengshui-2023")!, { category: "dibao", claims })).toThrow("exceed the policy-scope cost");
  });
});
