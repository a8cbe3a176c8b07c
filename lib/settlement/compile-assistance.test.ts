import { describe, expect, it } from "vitest";
import { describePolicy } from "@/lib/policies/domain/describe-policy";
import { getPreset } from "@/lib/policies/domain/preset-registry";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { validatePolicy } from "@/lib/policies/domain/validate-policy";
import { compileAssistance } from "./compile-assistance";
import { compilePolicy } from "./compile-policy";
import { parseSettleInput } from "./parse-settle-input";
import { amounts, settle } from "./settle-test-helpers";

// 国办发〔2021〕42号, where 003 §三(七) defers ("合理确定医疗救助标准、起付线和年度救助限额"):
// "低保边缘家庭成员起付标准按所在统筹地区上年居民人均可支配收入的10%左右确定，因病致贫重病患者按25%左右确定".
// The deductible is the year's parameter × percent, half-up to the fen, resolved per year when compiled.

function withShareRule(values: { year: number; value: string }[]): PolicyRecord {
  const record = structuredClone(getPreset("shaoyang-2021")!) as PolicyRecord;
  record.parameters.values = values.map((v) => ({ ...v, name: "priorYearIncome" as const, source: { doc: "003", paragraph: "§三(八)" } }));
  // The preset's own share rules (its marked defaults) out of the way: this rule is the one under test.
  record.assistance.rules = record.assistance.rules.filter((r) => r.deductible.kind !== "perYearShare");
  record.assistance.rules.push({
    ...structuredClone(record.assistance.rules[0]!),
    id: "edge-share",
    name: "低保边缘常规救助",
    categories: ["dibao_edge"],
    deductible: { kind: "perYearShare", parameter: "priorYearIncome", percent: "10", source: { doc: "003", paragraph: "§三(七)" } },
    ratioPercent: "65",
  });
  const checked = validatePolicy(record);
  if (!checked.ok) throw new Error(JSON.stringify(checked));
  return checked.policy;
}

describe("perYearShare: an assistance deductible that is a share of the year's parameter", () => {
  it("is resolved per year at compile time: 29500 × 10% = 2950.00; 31000.05 × 10% = 3100.005 → 3100.01 (half-up)", () => {
    const record = withShareRule([
      { year: 2025, value: "29500" },
      { year: 2026, value: "31000.05" },
    ]);
    const [rule] = compileAssistance(record, "dibao_edge", new Map(compilePolicy(record).pools.map((p) => [p.id, p])));
    expect(rule!.deductibleKind).toBe("perYear");
    expect([...rule!.byYear!]).toEqual([
      [2025, 295000],
      [2026, 310001],
    ]);
    expect(rule!.label).toContain("起付线为当地（邵阳市）居民上年度人均可支配收入的 10%（2025 年度为 2950 元、2026 年度为 3100.01 元），每年，低保边缘家庭成员 65%");
  });

  it("settles: the year's deductible once a year, then 65% (2025: 29500 × 10% = 2950)", () => {
    const record = withShareRule([{ year: 2025, value: "29500" }, { year: 2026, value: "31000" }]);
    const claim = { setting: "inpatient", policyScopeCost: "30000", basicPaid: "20000", criticalPaid: "0" };
    const r = settle(record.id, "dibao_edge", [{ ...claim, date: "2025-03-01" }, { ...claim, date: "2025-05-01", policyScopeCost: "25000" }, { ...claim, date: "2026-02-01" }], { policy: record });
    // (30000 − 20000 − 2950) × 65% = 4582.50; self-paid 30000 − 20000 − 4582.50 = 5417.50.
    expect(amounts(r.claims[0])).toEqual(["20000.00", "0.00", "4582.50", "0.00", "5417.50"]);
    expect(r.claims[0]!.trace.find((t) => t.tier === "assistance")).toMatchObject({ deductible: "2950.00" });
    // Deductible met this year: 5000 × 65% = 3250.
    expect(amounts(r.claims[1])[2]).toBe("3250.00");
    // 2026: 31000 × 10% = 3100; (10000 − 3100) × 65% = 4485.
    expect(amounts(r.claims[2])[2]).toBe("4485.00");
  });

  it("reads on the policy page with each year's figure", () => {
    const record = withShareRule([{ year: 2025, value: "29500" }]);
    const text = describePolicy(record).find((s) => s.title === "医疗救助")!.lines.map((l) => l.text).join("\n");
    expect(text).toContain("低保边缘常规救助（低保边缘家庭成员）：各类疾病住院和门诊，一站式结算；经基本医保、大病保险后的政策范围内费用，起付线：当地（邵阳市）居民上年度人均可支配收入的 10%（2025 年度为 2950 元），每年，救助比例 65%");
  });

  it("refuses a claim in a year the policy has no value for, in the contract's words and without settling", () => {
    const record = withShareRule([{ year: 2025, value: "29500" }]);
    const r = parseSettleInput(
      { policy: record.id, person: { category: "dibao_edge" }, claims: [{ id: "1", date: "2026-03-01", setting: "inpatient", policyScopeCost: "30000", basicPaid: "20000", criticalPaid: "0" }] },
      { resolvePolicy: () => record },
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toBe(
      "policy: policy shaoyang-2021 has no 2026 value of priorYearIncome and the deductible of its assistance rule 低保边缘常规救助 is 10% of it; add the value to the policy's yearly parameters or give parameters.priorYearIncome",
    );
  });

  it("needs its parameter defined, with a Chinese error naming the field", () => {
    const record = structuredClone(withShareRule([])) as PolicyRecord;
    record.parameters.definitions = [];
    record.monitoring = [];
    const checked = validatePolicy(record);
    expect(checked.ok).toBe(false);
    expect(JSON.stringify(checked)).toContain("assistance.rules[2].deductible.parameter");
  });
});
