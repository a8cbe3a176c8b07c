import { describe, expect, it } from "vitest";
import { getPreset } from "@/lib/policies/domain/preset-registry";
import { settleClaims } from "./settle-claims";
import { amounts, settle, traceOf } from "./settle-test-helpers";

// Every insured person settles under every preset (docs/policy.md §1, §4):
// basic insurance and critical illness cover 普通参保人员 too; assistance only
// where a rule names the category, and the trace says so instead of refusing.
// 004 names 特殊疾病患者 (PKU) as a target group of its own, and re-assistance
// comes after five layers: basic, critical, assistance, 医疗机构减免, 医疗商业补充保险.

const stay = (date: string, cost: string, extra: Record<string, unknown> = {}) => ({ date, policyScopeCost: cost, basicPaid: "0", ...extra });
const noRule = (name: string) => `本政策对${name}未配置医疗救助规则`;

describe("普通参保人员 under every preset", () => {
  it("城口 000 §三(六): the general rule stated before the tilt — 50% of 33803 = 16901.50, 60% above it", () => {
    // (30000 − 16901.50) × 60% = 7859.10, the same figure stable_exit gets; no assistance rule names ordinary
    const r = settle("chengkou-2022", "ordinary", [stay("2022-05-01", "30000")]);
    expect(amounts(r.claims[0])).toEqual(["0.00", "7859.10", "0.00", "0.00", "22140.90"]);
    expect(traceOf(r.claims[0], "assistance")[0]?.rule).toContain(noRule("普通参保人员"));
  });

  it("彭水 001 §二(二)2 with 城口's general rule: 50% of 35666 = 17833, 60% above it", () => {
    // (30000 − 17833) × 60% = 7300.20
    const r = settle("pengshui-2023", "ordinary", [stay("2023-07-01", "30000")]);
    expect(amounts(r.claims[0])).toEqual(["0.00", "7300.20", "0.00", "0.00", "22699.80"]);
  });

  it("邵阳 003 §三(六): 起付线 11000, 60% — and no regular or on-application assistance", () => {
    // (30000 − 11000) × 60% = 11400
    const r = settle("shaoyang-2021", "ordinary", [stay("2022-05-01", "30000")]);
    expect(amounts(r.claims[0])).toEqual(["0.00", "11400.00", "0.00", "0.00", "18600.00"]);
    expect(traceOf(r.claims[0], "assistance")[0]?.rule).toContain(noRule("普通参保人员"));
  });

  it("山东 004 gives critical-illness figures for 贫困人口 only: ordinary settles with the settled criticalPaid, and must give it", () => {
    const r = settle("shandong-2019", "ordinary", [stay("2019-05-01", "30000", { basicPaid: "15000", criticalPaid: "2000" })]);
    expect(amounts(r.claims[0])).toEqual(["15000.00", "2000.00", "0.00", "0.00", "13000.00"]);
    expect(() => settle("shandong-2019", "ordinary", [stay("2019-05-01", "30000", { basicPaid: "15000" })])).toThrow(
      "claims[0].criticalPaid: is required — policy shandong-2019 has no critical-illness rule for \"ordinary\" (普通参保人员)",
    );
  });

  it("the engine itself settles a category the policy lists in no rule, for a caller that skipped the parser", () => {
    const r = settleClaims(getPreset("pengshui-2023")!, { category: "ordinary", claims: [] });
    expect(r.totals).toEqual({ basic: "0.00", critical: "0.00", assistance: "0.00", tilted: "0.00", selfPaid: "0.00" });
  });
});

describe("categories consolidation produces that the policy has no rule for", () => {
  it("在乡重点优抚对象 under 邵阳 003: critical illness as everyone, assistance refused with the reason in the trace", () => {
    const r = settle("shaoyang-2021", "priority_veteran", [stay("2022-05-01", "30000")]);
    expect(amounts(r.claims[0])).toEqual(["0.00", "11400.00", "0.00", "0.00", "18600.00"]);
    expect(r.category).toBe("priority_veteran");
    expect(traceOf(r.claims[0], "assistance")[0]?.rule).toContain(noRule("在乡重点优抚对象"));
  });
});

describe("004 §二(二)3 五: PKU special food for a child in no poverty category", () => {
  const food = (date: string, cost: string) => ({ date, setting: "outpatient", specialFood: "pku", policyScopeCost: cost });

  it("an 8-year-old ordinary child: 75% up to 15000 a year", () => {
    // 10000 × 75% = 7500; 7500 again reaches 15000; the third gets nothing
    const r = settle("shandong-2019", "ordinary", [food("2019-02-01", "10000"), food("2019-05-01", "10000"), food("2019-09-01", "4000")], {
      birthDate: "2011-01-01",
    });
    expect(r.claims.map((c) => c.assistance)).toEqual(["7500.00", "7500.00", "0.00"]);
  });
});

describe("004 §二(二)3 四: re-assistance after hospital waivers and commercial insurance", () => {
  const small = (date: string, extra: Record<string, unknown> = {}) => ({ date, policyScopeCost: "10000", basicPaid: "6000", ...extra });

  it("without them: self-paid 4000, then 2050; accumulated 6050 → (6050 − 5000) × 70% = 735", () => {
    const r = settle("shandong-2019", "registered_poor", [small("2019-03-01"), small("2019-04-01")]);
    expect(r.claims[1]?.tilted).toBe("735.00");
  });

  it("医疗机构减免 500 and 商业补充保险 300 on the second: 2050 − 800 = 1250 counts; (5250 − 5000) × 70% = 175", () => {
    const r = settle("shandong-2019", "registered_poor", [small("2019-03-01"), small("2019-04-01", { hospitalWaived: "500", commercialPaid: "300" })]);
    // selfPaid stays scope − the four tiers (docs/cli.md): 10000 − 6000 − 1950 − 0 − 175
    expect(amounts(r.claims[1])).toEqual(["6000.00", "1950.00", "0.00", "175.00", "1875.00"]);
    const line = traceOf(r.claims[1], "tilted")[0]?.rule;
    expect(line).toContain("医疗机构减免 500.00 元、商业补充保险赔付 300.00 元");
    expect(line).toContain("余 1250.00 元");
  });

  it("waivers above what the person still bears take it all, and say so", () => {
    const r = settle("shandong-2019", "registered_poor", [small("2019-03-01"), small("2019-04-01", { hospitalWaived: "3000" })]);
    expect(r.claims[1]?.tilted).toBe("0.00");
    expect(r.claims[1]?.selfPaid).toBe("2050.00");
    expect(traceOf(r.claims[1], "tilted")[0]?.rule).toContain("以个人尚需负担的 2050.00 元为限");
  });

  it("bad amounts are refused with the field named", () => {
    expect(() => settle("shandong-2019", "dibao", [small("2019-03-01", { hospitalWaived: "-1" })])).toThrow("claims[0].hospitalWaived: \"-1\" is negative");
    expect(() => settle("shandong-2019", "dibao", [small("2019-03-01", { commercialPaid: "1.234" })])).toThrow("claims[0].commercialPaid:");
  });
});
