import { describe, expect, it } from "vitest";
import { amounts, settle, traceOf } from "./settle-test-helpers";

// 山东 004 (鲁医保发〔2019〕69号). §二(二)2: 贫困人口 critical illness 5000, then
// 65% / 75% / 85% by segment of the accumulated base, no cap; special drugs.
// §二(二)3: dibao/tekun inpatient assistance ≥70%, ≥1万; 再救助; PKU food.
const SD = "shandong-2019";
// Outpatient claims of registered_poor isolate critical illness: no assistance
// rule and no re-assistance (inpatient only) touch them.
const base = (date: string, amount: string) => ({ date, setting: "outpatient", policyScopeCost: amount, basicPaid: "0" });

describe("shandong-2019 §二(二)2 segmented critical illness", () => {
  it("exactly at 100000: (100000 − 5000) × 65% = 61750; one cent above adds 75% of it", () => {
    expect(settle(SD, "registered_poor", [base("2019-05-01", "100000")]).claims[0]?.critical).toBe("61750.00");
    const over = settle(SD, "registered_poor", [base("2019-05-01", "100000.01")]).claims[0];
    expect(over?.critical).toBe("61750.01"); // 61750 + 0.0075, rounded once per claim
    expect(traceOf(over, "critical")[0]?.segments).toEqual([
      { range: "5000–100000 元", base: "95000.00", ratio: "65%" },
      { range: "100000–300000 元", base: "0.01", ratio: "75%" },
    ]);
  });

  it("exactly at 300000: 61750 + 200000 × 75% = 211750; 30万（含）以上 85%", () => {
    expect(settle(SD, "tekun", [base("2019-05-01", "300000")]).claims[0]?.critical).toBe("211750.00");
    expect(settle(SD, "dibao", [base("2019-05-01", "300000.01")]).claims[0]?.critical).toBe("211750.01");
  });

  it("segments are positions on the accumulated annual base, reset in a new year", () => {
    const r = settle(SD, "severe_disability", [base("2019-02-01", "80000"), base("2019-06-01", "40000"), base("2020-01-03", "10000")]);
    // 75000 × 65% = 48750; 80000→120000: 20000 × 65% + 20000 × 75% = 28000; new year: 5000 × 65% = 3250
    expect(r.claims.map((c) => c.critical)).toEqual(["48750.00", "28000.00", "3250.00"]);
    const across = settle(SD, "registered_poor", [base("2019-02-01", "250000"), base("2019-06-01", "100000")]);
    expect(across.claims.map((c) => c.critical)).toEqual(["174250.00", "80000.00"]); // 50000 × 75% + 50000 × 85%
  });

  it("取消封顶线: 1,000,000 → 211750 + 700000 × 85% = 806750", () => {
    expect(settle(SD, "registered_poor", [base("2019-05-01", "1000000")]).claims[0]?.critical).toBe("806750.00");
  });

  it("special drugs: no deductible, 60%, cap 200000 on their own track", () => {
    const r = settle(SD, "registered_poor", [
      { ...base("2019-03-01", "50000"), specialDrug: true },
      { ...base("2019-04-01", "400000"), specialDrug: true },
      base("2019-05-01", "10000"),
    ]);
    // 30000; 240000 → 170000 left of the cap; the ordinary track still starts at 0: (10000 − 5000) × 65%
    expect(r.claims.map((c) => c.critical)).toEqual(["30000.00", "170000.00", "3250.00"]);
    expect(traceOf(r.claims[1], "critical")[0]?.limit).toBe("200000.00");
  });

  it("low_income has no critical-illness rule in 004: criticalPaid is required", () => {
    expect(() => settle(SD, "low_income", [base("2019-05-01", "10000")])).toThrow("claims[0].criticalPaid: is required");
    const r = settle(SD, "low_income", [{ ...base("2019-05-01", "10000"), criticalPaid: "1000" }]);
    expect(amounts(r.claims[0])).toEqual(["0.00", "1000.00", "0.00", "0.00", "9000.00"]);
  });
});

describe("shandong-2019 §二(二)3 assistance and re-assistance", () => {
  const inpatient = (date: string) => ({ date, policyScopeCost: "30000", basicPaid: "15000" });

  it("dibao inpatient: no deductible, 70%, annual limit 10000; then 再救助 above 5000 a year × 70%", () => {
    const r = settle(SD, "dibao", [inpatient("2019-03-01"), inpatient("2019-05-01"), inpatient("2019-07-01")]);
    // critical: 10000 × 65% = 6500, then 15000 × 65% = 9750 twice
    // assistance: 8500 × 70% = 5950; 5250 × 70% = 3675; 3675 → 375 left of 10000
    // self-paid 2550, 1575, 4875: accumulated 2550, 4125, 9000 → (9000 − 5000) × 70% = 2800
    expect(r.claims.map(amounts)).toEqual([
      ["15000.00", "6500.00", "5950.00", "0.00", "2550.00"],
      ["15000.00", "9750.00", "3675.00", "0.00", "1575.00"],
      ["15000.00", "9750.00", "375.00", "2800.00", "2075.00"],
    ]);
    expect(traceOf(r.claims[2], "assistance")[0]?.limit).toBe("10000.00");
    expect(traceOf(r.claims[2], "tilted")[0]?.rule).toContain("年度累计自付 9000.00");
  });

  it("dibao outpatient is not assisted (住院费用 only)", () => {
    expect(settle(SD, "dibao", [{ ...inpatient("2019-03-01"), setting: "outpatient" }]).claims[0]?.assistance).toBe("0.00");
  });

  it("再救助 for registered_poor: annual inpatient self-paid above 5000 × 70%, limit 20000", () => {
    const small = (date: string) => ({ date, policyScopeCost: "10000", basicPaid: "6000" });
    const r = settle(SD, "registered_poor", [small("2019-03-01"), small("2019-04-01")]);
    // 4000 self-paid (below the critical deductible); then critical 3000 × 65% = 1950 → 2050;
    // accumulated 6050 → 1050 × 70% = 735
    expect(r.claims.map(amounts)).toEqual([
      ["6000.00", "0.00", "0.00", "0.00", "4000.00"],
      ["6000.00", "1950.00", "0.00", "735.00", "1315.00"],
    ]);
    const big = settle(SD, "registered_poor", [{ date: "2019-03-01", policyScopeCost: "100000", basicPaid: "0", criticalPaid: "0" }]);
    expect(big.claims[0]?.tilted).toBe("20000.00"); // 95000 × 70% = 66500 → limit
  });
});

describe("shandong-2019 §二(二)3 五 PKU special food", () => {
  const food = (date: string, cost: string) => ({ date, setting: "outpatient", specialFood: "pku", policyScopeCost: cost });

  it("18 and under: 75%, 15000 a year", () => {
    const r = settle(SD, "low_income", [food("2019-02-01", "10000"), food("2019-05-01", "10000"), food("2019-09-01", "10000")], { birthDate: "2010-01-01" });
    expect(r.claims.map((c) => c.assistance)).toEqual(["7500.00", "7500.00", "0.00"]);
    expect(r.claims[0]?.basic).toBe("0.00"); // food is no basic-insurance cost
  });

  it("over 18: 70%, 12000 a year; the band follows the age on the claim date (18 岁及以下 includes age 18)", () => {
    const born = { birthDate: "2001-06-15" };
    expect(settle(SD, "dibao", [food("2020-06-14", "10000")], born).claims[0]?.assistance).toBe("7500.00"); // aged 18
    expect(settle(SD, "dibao", [food("2020-06-15", "10000")], born).claims[0]?.assistance).toBe("7000.00"); // aged 19
    expect(settle(SD, "dibao", [food("2020-06-15", "20000")], born).claims[0]?.assistance).toBe("12000.00");
  });

  it("needs the birth date", () => {
    expect(() => settle(SD, "dibao", [food("2020-06-15", "100")])).toThrow("person.birthDate: is required for the special-food claim claims[0]");
  });
});
