import { describe, expect, it } from "vitest";
import { validatePolicy } from "@/lib/policies/domain/validate-policy";
import { amounts, editablePreset, settle, traceOf } from "./settle-test-helpers";

// 彭水 001 (彭水府办发〔2023〕52号), every figure worked by hand from the text.
const P = "pengshui-2023";
const given = (scope: string, basic: string, critical: string) => ({ policyScopeCost: scope, basicPaid: basic, criticalPaid: critical });

describe("pengshui-2023: the contract's settle example", () => {
  it("other disease, 52000 stay at level 2 > 30000 → 80% of 18500 = 14800; self-paid 3700 < 4000 → no tilted assistance", () => {
    const r = settle(P, "dibao", [
      { id: "A1", date: "2023-06-10", setting: "inpatient", specialDisease: false, hospitalLevel: 2, referred: true, inCity: true, ...given("52000", "31000", "2500"), outOfScopeCost: "3000", onApplication: false },
    ], { birthDate: "1958-03-02", parameters: { priorYearIncome: "33803" } });
    expect(amounts(r.claims[0])).toEqual(["31000.00", "2500.00", "14800.00", "0.00", "3700.00"]);
    expect(r.totals).toEqual({ basic: "31000.00", critical: "2500.00", assistance: "14800.00", tilted: "0.00", selfPaid: "3700.00" });
    const [assist] = traceOf(r.claims[0], "assistance");
    expect(assist).toMatchObject({ base: "18500.00", ratio: "80%", amount: "14800.00" });
    expect(assist?.rule).toContain("001 §二(三)2");
    expect(traceOf(r.claims[0], "tilted")[0]?.rule).toContain("未达到起付标准 4000.00");
    // Out-of-scope 3000 is reported, never paid.
    expect(r.claims[0]?.trace.some((t) => t.rule.includes("目录外") && t.base === "3000.00" && t.amount === "0.00")).toBe(true);
  });
});

describe("pengshui-2023 §二(三)2 assistance", () => {
  it("special disease, outpatient: no deductible (取消年度救助起付标准), dibao 80%, dibao_edge 70%", () => {
    const claim = { date: "2023-07-01", setting: "outpatient", specialDisease: true, ...given("10000", "5000", "0") };
    expect(amounts(settle(P, "dibao", [claim]).claims[0])[2]).toBe("4000.00");
    expect(amounts(settle(P, "dibao_edge", [claim]).claims[0])[2]).toBe("3500.00");
    expect(amounts(settle(P, "severe_disability", [claim]).claims[0])[2]).toBe("3500.00");
  });

  it("special disease: outpatient and inpatient share the 100000 limit; it resets in a new year (§二(三)3)", () => {
    const far = { specialDisease: true, inCity: false }; // outside the city: no tilted assistance to muddle the figures
    const r = settle(P, "dibao", [
      { date: "2023-07-01", setting: "outpatient", ...far, ...given("50000", "10000", "0") },
      { date: "2023-06-01", setting: "inpatient", ...far, ...given("200000", "60000", "40000") },
      { date: "2024-01-15", setting: "outpatient", ...far, ...given("10000", "5000", "0") },
    ]);
    expect(r.claims.map((c) => c.id)).toEqual(["C2", "C1", "C3"]); // settled by date
    expect(r.claims.map((c) => c.assistance)).toEqual(["80000.00", "20000.00", "4000.00"]);
    const capped = traceOf(r.claims[1], "assistance")[0];
    expect(capped).toMatchObject({ base: "40000.00", limit: "100000.00", amount: "20000.00" });
    expect(capped?.rule).toContain("本年此前已付 80000.00");
  });

  it("other disease: 60000 limit of its own (§二(三)2 年度救助限额6万元)", () => {
    const stay = { hospitalLevel: 3, inCity: false, ...given("100000", "30000", "20000") };
    const r = settle(P, "tekun", [{ date: "2023-06-01", ...stay }, { date: "2023-08-01", ...stay }]);
    expect(r.claims.map((c) => c.assistance)).toEqual(["40000.00", "20000.00"]);
  });

  it("other disease at a level-1 hospital is not assisted, but tilted assistance still applies (§二(三)3)", () => {
    const r = settle(P, "dibao", [{ date: "2023-06-10", hospitalLevel: 1, ...given("52000", "31000", "2500") }]);
    // 18500 self-paid ≥ 4000 → (18500 − 4000) × 60% = 8700
    expect(amounts(r.claims[0])).toEqual(["31000.00", "2500.00", "0.00", "8700.00", "9800.00"]);
    expect(traceOf(r.claims[0], "assistance")[0]?.rule).toContain("须在二级及以上医院住院");
  });

  it("a stay of exactly 30000 is not 'over 30000'; 30000.01 is (一次性住院…超过3万元)", () => {
    const at = settle(P, "dibao", [{ date: "2023-06-10", hospitalLevel: 2, ...given("30000", "21000", "0") }]);
    expect(amounts(at.claims[0])).toEqual(["21000.00", "0.00", "0.00", "3000.00", "6000.00"]); // tilted (9000 − 4000) × 60%
    expect(traceOf(at.claims[0], "assistance")[0]?.rule).toContain("须超过 30000 元");
    const over = settle(P, "dibao", [{ date: "2023-06-10", hospitalLevel: 2, ...given("30000.01", "21000", "0") }]);
    expect(amounts(over.claims[0])).toEqual(["21000.00", "0.00", "7200.01", "0.00", "1800.00"]); // 9000.01 × 80% = 7200.008
  });

  it("unreferred care is not assisted at all (§二(六))", () => {
    const r = settle(P, "dibao", [{ date: "2023-06-10", hospitalLevel: 2, referred: false, ...given("52000", "31000", "2500") }]);
    expect(amounts(r.claims[0])).toEqual(["31000.00", "2500.00", "0.00", "0.00", "18500.00"]);
    expect(traceOf(r.claims[0], "assistance")[0]?.rule).toContain("未按规定转诊");
  });
});

describe("pengshui-2023 §二(三)3 tilted assistance", () => {
  const levelOne = (scope: string, basic: string) => ({ date: "2023-06-10", hospitalLevel: 1, ...given(scope, basic, "0") });

  it("thresholds by category: tekun 3000, dibao 4000, monitored groups 5000; 60% of the part above", () => {
    expect(amounts(settle(P, "tekun", [levelOne("10000", "5000")]).claims[0])[3]).toBe("1200.00"); // (5000 − 3000) × 60%
    expect(amounts(settle(P, "returned_poverty", [levelOne("10000", "5000")]).claims[0])[3]).toBe("600.00"); // (5000 − 4000) × 60%
    expect(amounts(settle(P, "dibao_edge", [levelOne("10000", "5000")]).claims[0])[3]).toBe("0.00"); // reaches 5000, nothing above
    expect(amounts(settle(P, "illness_poverty", [levelOne("16000", "8000")]).claims[0])[3]).toBe("1800.00"); // (8000 − 5000) × 60%
    expect(amounts(settle(P, "priority_veteran", [levelOne("16000", "8000")]).claims[0])[3]).toBe("0.00"); // not named by §二(三)3
  });

  it("the record can say 60% of the whole self-paid amount instead", () => {
    const policy = editablePreset(P);
    policy.tiltedAssistance[0]!.base = "whole";
    expect(amounts(settle(P, "tekun", [levelOne("10000", "5000")], { policy }).claims[0])[3]).toBe("3000.00");
    expect(amounts(settle(P, "dibao", [levelOne("10000", "6200")], { policy }).claims[0])[3]).toBe("0.00"); // 3800 < 4000
  });

  it("only referred care inside the city; annual limit 20000", () => {
    expect(amounts(settle(P, "tekun", [{ ...levelOne("10000", "5000"), inCity: false }]).claims[0])[3]).toBe("0.00");
    const r = settle(P, "tekun", [levelOne("100000", "50000"), { ...levelOne("100000", "50000"), date: "2023-09-01" }]);
    // (50000 − 3000) × 60% = 28200 → 20000; second visit: limit used up
    expect(r.claims.map((c) => c.tilted)).toEqual(["20000.00", "0.00"]);
    expect(traceOf(r.claims[0], "tilted")[0]?.limit).toBe("20000.00");
  });
});

describe("pengshui-2023 §二(二)2 critical illness (computed when criticalPaid is absent)", () => {
  const income = { parameters: { priorYearIncome: "33803" } };

  it("tilted categories: deductible halved (16901.50 → 8450.75), ratio 60% + 5 points", () => {
    const r = settle(P, "dibao", [{ date: "2023-06-10", hospitalLevel: 2, policyScopeCost: "52000", basicPaid: "31000" }], income);
    // (21000 − 8450.75) × 65% = 8157.0125 → 8157.01; assistance 12842.99 × 80% = 10274.392 → 10274.39
    expect(amounts(r.claims[0])).toEqual(["31000.00", "8157.01", "10274.39", "0.00", "2568.60"]);
    expect(traceOf(r.claims[0], "critical")[0]).toMatchObject({ base: "21000.00", deductible: "8450.75", ratio: "65%" });
  });

  it("other categories: full deductible accumulated over the year's claims, reset in a new year", () => {
    const stay = (date: string) => ({ date, setting: "outpatient", specialDisease: true, inCity: false, policyScopeCost: "20000", basicPaid: "10000" });
    const r = settle(P, "dibao_edge", [stay("2023-06-01"), stay("2023-07-01"), stay("2024-02-01")], income);
    // 10000 below 16901.50; then 20000 − 16901.50 = 3098.50 × 60% = 1859.10; 2024 starts again from 0
    expect(r.claims.map((c) => c.critical)).toEqual(["0.00", "1859.10", "0.00"]);
    expect(traceOf(r.claims[0], "critical")[0]?.deductible).toBe("10000.00");
  });

  it("uses the preset's yearly value when no override is given (2023: 35666 → 17833)", () => {
    const r = settle(P, "dibao_edge", [{ date: "2023-06-01", policyScopeCost: "40000", basicPaid: "20000", inCity: false }]);
    expect(r.claims[0]?.critical).toBe("1300.20"); // (20000 − 17833) × 60%
  });
});

describe("pengshui-2023 monitoring (§二(四)1, threshold defaulted)", () => {
  it("flags self-paid after all tiers over (超过) 50% of priorYearIncome: at the threshold no, a cent above yes", () => {
    const unassisted = (critical: string) => ({ date: "2023-06-10", referred: false, ...given("40000", "20000", critical) });
    const options = { parameters: { priorYearIncome: "33803" } };
    const at = settle(P, "dibao", [unassisted("3098.50")], options);
    expect(at.monitoring).toMatchObject({ year: 2023, flagged: false, threshold: "16901.50", value: "16901.50" });
    const above = settle(P, "dibao", [unassisted("3098.49")], options);
    expect(above.monitoring).toMatchObject({ flagged: true, value: "16901.51" });
    expect(above.monitoring?.basis).toContain("001 §二(四)1");
    // priority_veteran is not among the monitored groups of §二(四)1
    expect(settle(P, "priority_veteran", [unassisted("0")], options).monitoring).toMatchObject({ flagged: false, threshold: null });
  });
});

describe("pengshui-2023 §二(三)2–3: the 10万 and 6万 limits independent (the preset) or shared (a policy choice)", () => {
  // 001 writes a 10万 limit for 特殊疾病 and a 6万 one for other diseases, and also
  // "门诊和住院救助共用年度救助限额": read as two limits, one person can get 16万 a year.
  const special = { date: "2023-06-01", specialDisease: true, policyScopeCost: "200000", basicPaid: "0", criticalPaid: "0" };
  const other = { date: "2023-08-01", hospitalLevel: 2, policyScopeCost: "50000", basicPaid: "0", criticalPaid: "0" };

  it("independent: 200000 × 80% → 100000 (limit), then a 50000 stay at level 2 → 40000 from the 6万 limit", () => {
    const r = settle("pengshui-2023", "dibao", [special, other]);
    expect(r.claims.map((c) => c.assistance)).toEqual(["100000.00", "40000.00"]);
  });

  it("shared: the 6万 nested in the 10万 — the second stay finds the shared limit used up, and the trace names it", () => {
    const policy = editablePreset("pengshui-2023");
    policy.limitPools.find((p) => p.id === "other-disease")!.within = "special-disease";
    const r = settle("pengshui-2023", "dibao", [special, other], { policy });
    expect(r.claims.map((c) => c.assistance)).toEqual(["100000.00", "0.00"]);
    expect(traceOf(r.claims[1], "assistance")[0]).toMatchObject({ limit: "100000.00" });
    expect(traceOf(r.claims[1], "assistance")[0]?.rule).toContain("特殊疾病救助年度限额（门诊和住院共用） 100000.00 元，本年此前已付 100000.00 元");
  });

  it("shared, the other way round: other-disease first uses the 10万 too", () => {
    const policy = editablePreset("pengshui-2023");
    policy.limitPools.find((p) => p.id === "other-disease")!.within = "special-disease";
    const r = settle("pengshui-2023", "dibao", [{ ...other, date: "2023-06-01", policyScopeCost: "75000" }, { ...special, date: "2023-07-01" }], { policy });
    // 75000 × 80% = 60000 (the 6万 limit); then 10万 − 6万 = 40000 left for the special disease
    expect(r.claims.map((c) => c.assistance)).toEqual(["60000.00", "40000.00"]);
  });

  it("a nested limit must name an existing, independent pool", () => {
    const policy = editablePreset("pengshui-2023");
    policy.limitPools.find((p) => p.id === "other-disease")!.within = "nowhere";
    expect(() => settle("pengshui-2023", "dibao", [special], { policy })).not.toThrow(); // the engine trusts a validated record
    expect(validatePolicy(policy)).toEqual({ ok: false, errors: ["limitPools[1].within: 限额 nowhere 不存在（须在 limitPools 中定义）"] });
    policy.limitPools.find((p) => p.id === "other-disease")!.within = "special-disease";
    expect(validatePolicy(policy).ok).toBe(true);
  });
});
