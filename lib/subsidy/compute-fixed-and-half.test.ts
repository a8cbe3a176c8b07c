import { describe, expect, it } from "vitest";
import { run, split, type Case } from "./test-helpers";

// 济宁 002 §一 (fixed amounts), 邵阳 003 §二(一) (100 % / 50 %), 山东 004
// §二(二)1 (finance), worked by hand.

describe("济宁 jining-2023 (002 §一)", () => {
  const jn = (c: Omit<Case, "year" | "tier1" | "tier2">) => split("jining-2023", { year: 2023, tier1: "380", tier2: "580", ...c });

  it("the contract's example: returned_poverty, tier 1, 380 → subsidy 280.00, personal 100.00", () => {
    const r = run("jining-2023", { year: 2023, category: "returned_poverty", tier: 1, tier1: "380", tier2: "580", feeExempt: false });
    expect({ subsidy: r.subsidy, personal: r.personal, funding: r.funding }).toEqual({
      subsidy: "280.00",
      personal: "100.00",
      funding: [
        { source: "medical_assistance", amount: "280.00" },
        { source: "personal", amount: "100.00" },
      ],
    });
  });
  it("特困：个人缴费部分全额资助 → 380", () => {
    expect(jn({ category: "tekun" })).toEqual({ subsidy: "380.00", personal: "0.00", funding: { medical_assistance: "380.00", personal: "0.00" } });
  });
  it("低保：医疗救助基金定额 300 元, 其余 80 元由县（市、区）财政负担 — the person pays nothing", () => {
    expect(jn({ category: "dibao" })).toEqual({
      subsidy: "380.00",
      personal: "0.00",
      funding: { medical_assistance: "300.00", finance: "80.00", personal: "0.00" },
    });
  });
  it("返贫致贫/低保边缘/监测帮扶对象，不属免缴费人群：医疗救助 280, the person pays the other 100 first", () => {
    for (const category of ["returned_poverty", "dibao_edge", "monitored"] as const) {
      expect(jn({ category })).toEqual({ subsidy: "280.00", personal: "100.00", funding: { medical_assistance: "280.00", personal: "100.00" } });
    }
  });
  it("同上，属免缴费人群：医疗救助 280 + 县级财政 100, personal 0", () => {
    expect(jn({ category: "returned_poverty", feeExempt: true })).toEqual({
      subsidy: "380.00",
      personal: "0.00",
      funding: { medical_assistance: "280.00", finance: "100.00", personal: "0.00" },
    });
    expect(run("jining-2023", { year: 2023, category: "dibao_edge", tier1: "380", feeExempt: true }).rule).toContain("本人属免缴费人群");
  });
  it("fee exemption changes nothing where the rule has no exemption clause (低保, 特困)", () => {
    expect(jn({ category: "dibao", feeExempt: true })).toEqual(jn({ category: "dibao" }));
  });
  it("a fixed amount above the contribution is capped at it: 280 on a 250 contribution → 250", () => {
    expect(split("jining-2023", { year: 2023, category: "returned_poverty", tier1: "250" })).toEqual({
      subsidy: "250.00",
      personal: "0.00",
      funding: { medical_assistance: "250.00", personal: "0.00" },
    });
  });
  it("二档 (002 names none): the tier-1 split, and the 200 above tier 1 is personal", () => {
    expect(jn({ category: "returned_poverty", tier: 2 })).toEqual({ subsidy: "280.00", personal: "300.00", funding: { medical_assistance: "280.00", personal: "300.00" } });
    expect(jn({ category: "returned_poverty", tier: 2, feeExempt: true })).toEqual({
      subsidy: "380.00",
      personal: "200.00",
      funding: { medical_assistance: "280.00", finance: "100.00", personal: "200.00" },
    });
    expect(jn({ category: "dibao", tier: 2 }).funding).toEqual({ medical_assistance: "300.00", finance: "80.00", personal: "200.00" });
  });
  it("普通参保人员 → 0", () => {
    expect(jn({ category: "ordinary" })).toEqual({ subsidy: "0.00", personal: "380.00", funding: { personal: "380.00" } });
  });
});

describe("邵阳 shaoyang-2021 (003 §二(一), from the 2022 contribution year)", () => {
  const sy = (category: Case["category"], year = 2022, tier1 = "320") => split("shaoyang-2021", { year, category, tier1 });

  it("特困 全额资助; 重度残疾人 参照执行 → 320", () => {
    expect(sy("tekun")).toEqual({ subsidy: "320.00", personal: "0.00", funding: { medical_assistance: "320.00", personal: "0.00" } });
    expect(sy("severe_disability").subsidy).toBe("320.00");
  });
  it("低保 50% → 160; 过渡期内 返贫致贫 / 监测对象 50% → 160", () => {
    for (const c of ["dibao", "returned_poverty", "monitored"] as const) {
      expect(sy(c)).toEqual({ subsidy: "160.00", personal: "160.00", funding: { medical_assistance: "160.00", personal: "160.00" } });
    }
  });
  it("50% rounds half-up: 350.01 × 50% = 175.005 → 175.01, personal 175.00", () => {
    expect(sy("dibao", 2022, "350.01")).toMatchObject({ subsidy: "175.01", personal: "175.00" });
  });
  it("未纳入监测的稳定脱贫人口 按标准退出 → 0", () => {
    const r = run("shaoyang-2021", { year: 2022, category: "stable_exit", tier1: "320" });
    expect(r.subsidy).toBe("0.00");
    expect(r.rule).toContain("003 §二(一)");
  });
  it("after the transition period (2026) monitored people get nothing, dibao still 50%", () => {
    expect(sy("monitored", 2026).subsidy).toBe("0.00");
    expect(sy("dibao", 2026).subsidy).toBe("160.00");
  });
});

describe("山东 shandong-2019 (004 §二(二)1)", () => {
  const sd = (category: Case["category"], tier1 = "350") => split("shandong-2019", { year: 2019, category, tier1 });

  it("特困：个人缴费部分由财政资金全额补贴 → finance 100%", () => {
    expect(sd("tekun")).toEqual({ subsidy: "350.00", personal: "0.00", funding: { finance: "350.00", personal: "0.00" } });
  });
  it("低保、建档立卡、重度残疾：定额补贴 by finance (defaulted 300 / 280), rest personal", () => {
    expect(sd("dibao")).toEqual({ subsidy: "300.00", personal: "50.00", funding: { finance: "300.00", personal: "50.00" } });
    expect(sd("registered_poor")).toEqual({ subsidy: "280.00", personal: "70.00", funding: { finance: "280.00", personal: "70.00" } });
    expect(sd("severe_disability").subsidy).toBe("280.00");
    expect(run("shandong-2019", { year: 2019, category: "dibao", tier1: "350" }).rule).toContain("采用默认");
  });
  it("the fixed amount never exceeds the contribution: 300 on 250 → 250", () => {
    expect(sd("dibao", "250")).toMatchObject({ subsidy: "250.00", personal: "0.00" });
  });
  it("低收入救助对象 and ordinary: no premium subsidy in 004", () => {
    expect(sd("low_income").subsidy).toBe("0.00");
    expect(sd("ordinary").subsidy).toBe("0.00");
  });
});
