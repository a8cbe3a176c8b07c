import { describe, expect, it } from "vitest";
import { run, split } from "./test-helpers";

// 城口 000 §二(一) and 彭水 001 §二(二)1, worked by hand with a tier-1
// individual contribution of 380 元 and a tier-2 one of 580 元.

describe("城口 chengkou-2022 (000 §二(一))", () => {
  const ck = (category: Parameters<typeof split>[1]["category"], extra: Partial<Parameters<typeof split>[1]> = {}) =>
    split("chengkou-2022", { year: 2022, category, tier1: "380", tier2: "580", ...extra });

  it("一档：特困 100% 全额资助 → 380 by 医疗救助资金, personal 0", () => {
    expect(ck("tekun")).toEqual({ subsidy: "380.00", personal: "0.00", funding: { medical_assistance: "380.00", personal: "0.00" } });
  });
  it("一档：低保 90% → 380 × 0.9 = 342, personal 38", () => {
    expect(ck("dibao")).toEqual({ subsidy: "342.00", personal: "38.00", funding: { medical_assistance: "342.00", personal: "38.00" } });
  });
  it("一档：返贫致贫、脱贫不稳定、边缘易致贫、突发严重困难、低保边缘 70% → 266, personal 114", () => {
    for (const c of ["returned_poverty", "unstable_exit", "edge_poverty", "sudden_hardship", "dibao_edge"] as const) {
      expect(ck(c)).toEqual({ subsidy: "266.00", personal: "114.00", funding: { medical_assistance: "266.00", personal: "114.00" } });
    }
  });
  it("二档：“统一按照一档个人缴费标准的100%给予资助”, the rest (580 − 380 = 200) is the person's — for every one of the 7 categories, dibao too", () => {
    for (const c of ["tekun", "dibao", "returned_poverty", "dibao_edge", "sudden_hardship"] as const) {
      expect(ck(c, { tier: 2 })).toEqual({ subsidy: "380.00", personal: "200.00", funding: { medical_assistance: "380.00", personal: "200.00" } });
    }
  });
  it("稳定脱贫人口渐退：2022 → 100 元, 2023 → 50 元 (county finance / 衔接资金), 2024 → 0", () => {
    expect(ck("stable_exit", { year: 2022 })).toEqual({ subsidy: "100.00", personal: "280.00", funding: { finance: "100.00", personal: "280.00" } });
    expect(ck("stable_exit", { year: 2023 })).toEqual({ subsidy: "50.00", personal: "330.00", funding: { finance: "50.00", personal: "330.00" } });
    expect(ck("stable_exit", { year: 2024 })).toEqual({ subsidy: "0.00", personal: "380.00", funding: { personal: "380.00" } });
    expect(ck("stable_exit", { year: 2025 }).subsidy).toBe("0.00");
  });
  it("稳定脱贫人口 on tier 2 in 2022: the fixed 100 元 still, the rest personal", () => {
    expect(ck("stable_exit", { tier: 2 })).toEqual({ subsidy: "100.00", personal: "480.00", funding: { finance: "100.00", personal: "480.00" } });
  });
  it("categories outside the 7 (因病致贫, ordinary) get nothing", () => {
    expect(ck("illness_poverty")).toEqual({ subsidy: "0.00", personal: "380.00", funding: { personal: "380.00" } });
    expect(ck("ordinary").subsidy).toBe("0.00");
  });
  it("says which rule applied, with its source", () => {
    const r = run("chengkou-2022", { year: 2022, category: "dibao", tier1: "380" });
    expect(r.rule).toContain("低保对象");
    expect(r.rule).toContain("90%");
    expect(r.rule).toContain("000 §二(一)");
    expect(run("chengkou-2022", { year: 2024, category: "stable_exit", tier1: "380" }).rule).toContain("不享受资助参保");
  });
  it("refuses a year outside the transition period (2022–2025): the parser reports it, compute throws", () => {
    expect(() => ck("tekun", { year: 2021 })).toThrow(RangeError);
    expect(() => ck("tekun", { year: 2026 })).toThrow(RangeError);
  });
});

describe("彭水 pengshui-2023 (001 §二(二)1)", () => {
  const ps = (category: Parameters<typeof split>[1]["category"], tier: 1 | 2 = 1) =>
    split("pengshui-2023", { year: 2023, category, tier, tier1: "380", tier2: "580" });

  it("一档：特困 全额 380, 低保 90% 342, 返贫致贫/监测对象/低保边缘 70% 266", () => {
    expect(ps("tekun").subsidy).toBe("380.00");
    expect(ps("dibao")).toEqual({ subsidy: "342.00", personal: "38.00", funding: { medical_assistance: "342.00", personal: "38.00" } });
    for (const c of ["returned_poverty", "monitored", "dibao_edge", "edge_poverty"] as const) {
      expect(ps(c)).toEqual({ subsidy: "266.00", personal: "114.00", funding: { medical_assistance: "266.00", personal: "114.00" } });
    }
  });
  it("二档：统一按一档个人缴费标准的 100% → 380, personal 200, for tekun, dibao and monitored alike", () => {
    for (const c of ["tekun", "dibao", "monitored"] as const) {
      expect(ps(c, 2)).toEqual({ subsidy: "380.00", personal: "200.00", funding: { medical_assistance: "380.00", personal: "200.00" } });
    }
  });
  it("no phase-out in 001: stable_exit, 因病致贫, 重点优抚, 重度残疾 get no premium subsidy", () => {
    for (const c of ["stable_exit", "illness_poverty", "priority_veteran", "severe_disability"] as const) {
      expect(ps(c)).toEqual({ subsidy: "0.00", personal: "380.00", funding: { personal: "380.00" } });
    }
  });
  it("marks the fund as the docs/policy.md default (001 names none)", () => {
    expect(run("pengshui-2023", { year: 2023, category: "tekun", tier1: "380" }).rule).toContain("文件未明确，采用默认");
  });
});
