import { describe, expect, it } from "vitest";
import { getPreset } from "./preset-registry";
import { categoryOnDate, parseSimulationPeriod, simulatePerson, simulationRecord, type SimulationClaim } from "./simulate-person";
import type { PolicyRecord } from "./schema/policy-record";

describe("测算期间", () => {
  it("defaults to the previous calendar year and names the field of a bad date", () => {
    expect(parseSimulationPeriod({}, "2026-12-07")).toEqual({ ok: true, period: { from: "2025-01-01", to: "2025-12-31" } });
    expect(parseSimulationPeriod({ from: "2025-02-30", to: "2025-03-01" }, "2026-12-07")).toMatchObject({ ok: false, field: "from" });
    expect(parseSimulationPeriod({ from: "2025-06-01", to: "2025-05-31" }, "2026-12-07")).toMatchObject({ ok: false, field: "to", message: "测算截止日期：不能早于起始日期" });
    expect(parseSimulationPeriod({ from: "2026-01-01", to: "2026-12-08" }, "2026-12-07")).toMatchObject({ ok: false, field: "to" });
    expect(parseSimulationPeriod({ from: "2021-01-01", to: "2025-01-01" }, "2026-12-07")).toMatchObject({ ok: false, message: "测算期间：最长三年，请缩短期间" });
  });
});

describe("one person under both versions", () => {
  it("reads the category on a date as the ledger does: the last span covering it, else 普通参保人员", () => {
    const spans = [
      { category: "dibao", from_date: "2025-01-01", to_date: "2025-04-30" },
      { category: "tekun", from_date: "2025-05-01", to_date: null },
    ];
    expect(categoryOnDate(spans, "2025-04-30")).toBe("dibao");
    expect(categoryOnDate(spans, "2025-05-01")).toBe("tekun");
    expect(categoryOnDate(spans, "2024-12-31")).toBe("ordinary");
  });

  // 彭水 001 with a 2025 income of 36000; a 低保 stay of 52000 in scope, basic 31000:
  // critical (21000 − 9000) × 65 % = 7800; 其他疾病住院救助 (other-high) 13200 × 80 % = 10560 → 90 %: 11880.
  const current = structuredClone(getPreset("pengshui-2023")!) as PolicyRecord;
  current.parameters.values.push({ year: 2025, name: "priorYearIncome", value: "36000", source: { doc: "001", paragraph: "§二(二)2", defaulted: true, note: "测试值" } });
  const draft = structuredClone(current);
  draft.assistance.rules.find((r) => r.id === "other-high")!.ratioPercent = "90";
  draft.effectiveFrom = "2027-01-01";
  const claim: SimulationClaim = {
    claimId: "c1", externalId: "S-1", date: "2025-04-01", setting: "inpatient", hospitalLevel: 2, specialDisease: false, referred: true, inCity: true,
    onApplication: false, policyScopeCost: 5_200_000, outOfScopeCost: 0, basicPaid: 3_100_000, criticalPaid: null, hospitalWaived: 0, commercialPaid: 0,
    category: "dibao", current: { versionId: 1, record: current, category: "dibao" },
  };

  it("opens the draft's dates to the period (the engine itself does not check them)", () => {
    expect(simulationRecord(draft, "2025-03-01")).toMatchObject({ effectiveFrom: "2025-01-01", effectiveTo: null });
  });

  it("settles the draft over a past period and says why the amount moved", () => {
    const out = simulatePerson([claim], { versionId: 2, record: simulationRecord(draft, "2025-01-01") }, () => "低保对象");
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const pair = out.years[0]!.pairs[0]!;
    expect([pair.current.assistance, pair.draft.assistance]).toEqual(["10560.00", "11880.00"]);
    expect(pair.reasons).toEqual(["医疗救助比例 80% → 90%"]);
  });

  it("leaves a person-year out with its reason when a claim has no version in force", () => {
    const out = simulatePerson([{ ...claim, current: null }], { versionId: 2, record: simulationRecord(draft, "2025-01-01") }, () => "低保对象");
    expect(out).toMatchObject({ ok: false, year: 2025, claims: 1, reason: "结算日期 2025-04-01 当天本地区没有启用的救助政策（现行）" });
  });
});
