import { describe, expect, it } from "vitest";
import { amounts, editablePreset, settle, traceOf } from "./settle-test-helpers";

// 邵阳 003 (邵医保发〔2021〕32号): §三(六) critical illness 11000 / 60% with the
// tilt; §三(八) on-application assistance 6000 per application / 50% / 50000.
const S = "shaoyang-2021";
const stay = (date: string, scope: string, basic: string, extra: Record<string, unknown> = {}) => ({ date, policyScopeCost: scope, basicPaid: basic, ...extra });

describe("shaoyang-2021 §三(六) critical illness", () => {
  it("11000 deductible, 60%; tekun/dibao/returned_poverty 5500 and 65%", () => {
    const ordinary = settle(S, "ordinary", [stay("2022-03-01", "50000", "30000")]);
    expect(amounts(ordinary.claims[0])).toEqual(["30000.00", "5400.00", "0.00", "0.00", "14600.00"]); // (20000 − 11000) × 60%
    const tekun = settle(S, "tekun", [stay("2022-03-01", "50000", "30000")]);
    expect(tekun.claims[0]?.critical).toBe("9425.00"); // (20000 − 5500) × 65%
    expect(traceOf(tekun.claims[0], "critical")[0]).toMatchObject({ deductible: "5500.00", ratio: "65%" });
  });

  it("取消封顶线 for the tilted groups only", () => {
    const policy = editablePreset(S);
    policy.criticalIllness!.annualCap.amount = "5000";
    expect(settle(S, "ordinary", [stay("2022-03-01", "50000", "30000")], { policy }).claims[0]?.critical).toBe("5000.00");
    expect(settle(S, "returned_poverty", [stay("2022-03-01", "50000", "30000")], { policy }).claims[0]?.critical).toBe("9425.00");
  });

  it("the deductible is taken once a year across claims", () => {
    const r = settle(S, "ordinary", [stay("2022-03-01", "16000", "8000"), stay("2022-05-01", "16000", "8000"), stay("2023-01-02", "16000", "8000")]);
    expect(r.claims.map((c) => c.critical)).toEqual(["0.00", "3000.00", "0.00"]); // 8000 < 11000; 16000 − 11000 = 5000 × 60%
  });
});

describe("shaoyang-2021 §三(八) on-application assistance", () => {
  const app = { onApplication: true };

  it("deductible 6000 per application, 50% of the cost left after basic and critical illness", () => {
    const r = settle(S, "monitored", [stay("2022-03-01", "50000", "30000", app)]);
    // critical 5400 → 14600 left → (14600 − 6000) × 50% = 4300
    expect(amounts(r.claims[0])).toEqual(["30000.00", "5400.00", "4300.00", "0.00", "10300.00"]);
    expect(traceOf(r.claims[0], "assistance")[0]).toMatchObject({ base: "14600.00", deductible: "6000.00", ratio: "50%" });
  });

  it("each application pays its own deductible; claims of one application share it", () => {
    const two = settle(S, "illness_poverty", [
      stay("2022-03-01", "20000", "10000", { ...app, criticalPaid: "0" }),
      stay("2022-04-01", "20000", "10000", { ...app, criticalPaid: "0" }),
    ]);
    expect(two.claims.map((c) => c.assistance)).toEqual(["2000.00", "2000.00"]); // (10000 − 6000) × 50% each
    const shared = settle(S, "illness_poverty", [
      stay("2022-03-01", "20000", "10000", { ...app, criticalPaid: "0", applicationId: "SQ-1" }),
      stay("2022-04-01", "20000", "10000", { ...app, criticalPaid: "0", applicationId: "SQ-1" }),
    ]);
    expect(shared.claims.map((c) => c.assistance)).toEqual(["2000.00", "5000.00"]); // one 6000 for both
  });

  it("annual limit 50000 (年度救助最高限额为 5 万元)", () => {
    const big = (date: string) => stay(date, "200000", "0", { ...app, criticalPaid: "0" });
    const r = settle(S, "monitored", [big("2022-03-01"), big("2022-06-01"), big("2023-01-10")]);
    expect(r.claims.map((c) => c.assistance)).toEqual(["50000.00", "0.00", "50000.00"]); // 97000 → 50000; then used up; new year
  });

  it("not on application, or not an eligible category, or ordinary: not assisted", () => {
    expect(settle(S, "monitored", [stay("2022-03-01", "50000", "30000")]).claims[0]?.assistance).toBe("0.00");
    // tekun has regular (one-stop) assistance only: an on-application claim finds no rule
    const tekun = settle(S, "tekun", [stay("2022-03-01", "50000", "30000", app)]);
    expect(tekun.claims[0]?.assistance).toBe("0.00");
    expect(traceOf(tekun.claims[0], "assistance")[0]?.rule).toContain("依申请救助无适用规则");
    // 低保边缘 has regular (one-stop) assistance only (§三(七) default, below): an on-application claim finds no rule
    const edge = settle(S, "dibao_edge", [stay("2022-03-01", "50000", "30000", app)], { parameters: { priorYearIncome: "30000" } });
    expect(edge.claims[0]?.assistance).toBe("0.00");
    expect(traceOf(edge.claims[0], "assistance")[0]?.rule).toContain("依申请救助无适用规则");
    const veteran = settle(S, "priority_veteran", [stay("2022-03-01", "50000", "30000")]);
    expect(traceOf(veteran.claims[0], "assistance")[0]?.rule).toContain("未配置医疗救助规则");
    expect(settle(S, "ordinary", [stay("2022-03-01", "50000", "30000", app)]).claims[0]?.assistance).toBe("0.00");
  });

  it("out-of-scope cost is never assisted", () => {
    const r = settle(S, "monitored", [stay("2022-03-01", "50000", "30000", { ...app, outOfScopeCost: "80000" })]);
    expect(r.claims[0]?.assistance).toBe("4300.00");
    expect(r.totals.selfPaid).toBe("10300.00");
  });
});

describe("shaoyang-2021 monitoring: burden after three tiers > 25% of local income", () => {
  it("needs the local income and flags above it", () => {
    const claim = stay("2022-03-01", "50000", "30000");
    const r = settle(S, "ordinary", [claim], { parameters: { priorYearIncome: "40000" } });
    expect(r.monitoring).toMatchObject({ flagged: true, threshold: "10000.00", value: "14600.00" });
    expect(settle(S, "ordinary", [claim]).monitoring).toMatchObject({ flagged: false, threshold: null });
  });
});

describe("shaoyang-2021 §三(七) regular assistance: 003 defers it, the national guideline is the marked default", () => {
  // 国办发〔2021〕42号: 特困人员、低保对象 no deductible, at least 70 %; limit set locally (default 50000).
  it("a 特困 one-stop stay: (20000 − 5500) × 65% = 9425 critical, then 10575 × 70% = 7402.50", () => {
    const r = settle(S, "tekun", [stay("2022-03-01", "50000", "30000")]);
    expect(amounts(r.claims[0])).toEqual(["30000.00", "9425.00", "7402.50", "0.00", "3172.50"]);
    expect(traceOf(r.claims[0], "assistance")[0]?.rule).toContain("常规医疗救助");
    expect(traceOf(r.claims[0], "assistance")[0]?.rule).toContain("（003 §三(七)，默认值，请按本地办法核对）");
  });

  it("低保 with 173354 of claims is never paid 0, and the default limit 50000 holds the year", () => {
    const big = (date: string) => stay(date, "86677", "0", { criticalPaid: "0" });
    const r = settle(S, "dibao", [big("2022-03-01"), big("2022-09-01")]);
    // 86677 × 70% = 60673.90 → limit 50000; the second stay finds the pool used up
    expect(r.claims.map((c) => c.assistance)).toEqual(["50000.00", "0.00"]);
    expect(traceOf(r.claims[0], "assistance")[0]?.limit).toBe("50000.00");
  });

  it("the defaults are marked as defaults on the record", () => {
    const policy = editablePreset(S);
    expect(policy.limitPools.find((p) => p.id === "regular")?.source.defaulted).toBe(true);
    for (const id of ["regular", "regular-edge", "regular-illness"]) {
      const rule = policy.assistance.rules.find((r) => r.id === id);
      expect(rule?.source.defaulted, id).toBe(true);
      expect(rule?.deductible.source.defaulted, id).toBe(true);
    }
  });

  // 国办发〔2021〕42号: 低保边缘家庭成员 deductible about 10 % of the prior-year
  // per-capita disposable income, 因病致贫重病患者 about 25 %, ratios slightly
  // under 低保's 70 % (defaults 65 % and 60 %), one regular limit with 特困 and 低保.
  const income = { parameters: { priorYearIncome: "30000" } };

  it("低保边缘: critical 5400 leaves 14600; deductible 10% × 30000 = 3000 once a year, then 65%", () => {
    const r = settle(S, "dibao_edge", [stay("2022-03-01", "50000", "30000"), stay("2022-06-01", "10000", "6000")], income);
    // (14600 − 3000) × 65% = 7540; second stay: (4000 × 60% = 2400 critical) → 1600 × 65% = 1040
    expect(amounts(r.claims[0])).toEqual(["30000.00", "5400.00", "7540.00", "0.00", "7060.00"]);
    expect(amounts(r.claims[1])).toEqual(["6000.00", "2400.00", "1040.00", "0.00", "560.00"]);
    expect(traceOf(r.claims[0], "assistance")[0]).toMatchObject({ base: "14600.00", deductible: "3000.00", ratio: "65%" });
    expect(traceOf(r.claims[0], "assistance")[0]?.rule).toContain("默认值，请按本地办法核对");
  });

  it("因病致贫重病患者: deductible 25% × 30000 = 7500, then 60%; an application still takes §三(八)", () => {
    const r = settle(S, "illness_poverty", [stay("2022-03-01", "50000", "30000")], income);
    expect(amounts(r.claims[0])).toEqual(["30000.00", "5400.00", "4260.00", "0.00", "10340.00"]); // (14600 − 7500) × 60%
    const applied = settle(S, "illness_poverty", [stay("2022-03-01", "50000", "30000", { onApplication: true })]);
    expect(applied.claims[0]?.assistance).toBe("4300.00"); // (14600 − 6000) × 50%, no income needed
  });

  it("the deductible rests on the policy's yearly value unless the request gives its own; without either it is refused", () => {
    const policy = editablePreset(S);
    policy.parameters.values = [{ year: 2022, name: "priorYearIncome", value: "25500", source: { doc: "003", paragraph: "§三(八)", defaulted: true } }];
    const fromPolicy = settle(S, "dibao_edge", [stay("2022-03-01", "50000", "30000")], { policy });
    expect(traceOf(fromPolicy.claims[0], "assistance")[0]).toMatchObject({ deductible: "2550.00" });
    expect(fromPolicy.claims[0]?.assistance).toBe("7832.50"); // (14600 − 2550) × 65%
    const given = settle(S, "dibao_edge", [stay("2022-03-01", "50000", "30000")], { policy, ...income });
    expect(traceOf(given.claims[0], "assistance")[0]).toMatchObject({ deductible: "3000.00" });
    expect(() => settle(S, "dibao_edge", [stay("2022-03-01", "50000", "30000")])).toThrow(/priorYearIncome/);
  });

  it("低保边缘 and 低保 share the year's regular limit only per person: each person has 50000", () => {
    const big = (date: string) => stay(date, "200000", "0", { criticalPaid: "0" });
    const r = settle(S, "dibao_edge", [big("2022-03-01"), big("2022-09-01")], income);
    expect(r.claims.map((c) => c.assistance)).toEqual(["50000.00", "0.00"]); // (200000 − 3000) × 65% = 128050 → 50000
  });
});
