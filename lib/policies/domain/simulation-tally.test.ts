import { describe, expect, it } from "vitest";
import { SimulationTally } from "./simulation-tally";

const amounts = (basic: string, critical: string, assistance: string, tilted: string, selfPaid: string) => ({ basic, critical, assistance, tilted, selfPaid });

// Three people, worked by hand:
//   A (低保, 乡镇 1): one claim, assistance 7000 → 7500 (ratio 70 % → 75 % of 10000), self-paid 3000 → 2500.
//   B (特困, 乡镇 1): two claims; the first unchanged (assistance 800, self-paid 200), the second
//     tilted 0 → 1200, self-paid 2000 → 800.
//   C (普通, 乡镇 2): one claim, nothing changes (basic 600, self-paid 400).
function tally(largest = 10) {
  const t = new SimulationTally(largest);
  t.addPerson({
    personId: "a",
    township: "430524100000",
    claims: [{ category: "dibao", current: amounts("20000.00", "0.00", "7000.00", "0.00", "3000.00"), draft: amounts("20000.00", "0.00", "7500.00", "0.00", "2500.00"), reasons: ["医疗救助比例 70% → 75%"] }],
  });
  t.addPerson({
    personId: "b",
    township: "430524100000",
    claims: [
      { category: "tekun", current: amounts("1000.00", "0.00", "800.00", "0.00", "200.00"), draft: amounts("1000.00", "0.00", "800.00", "0.00", "200.00"), reasons: [] },
      { category: "tekun", current: amounts("5000.00", "500.00", "2500.00", "0.00", "2000.00"), draft: amounts("5000.00", "500.00", "2500.00", "1200.00", "800.00"), reasons: ["倾斜救助新增适用：倾斜救助"] },
    ],
  });
  t.addPerson({
    personId: "c",
    township: "430524200000",
    claims: [{ category: "ordinary", current: amounts("600.00", "0.00", "0.00", "0.00", "400.00"), draft: amounts("600.00", "0.00", "0.00", "0.00", "400.00"), reasons: [] }],
  });
  return t;
}

describe("政策测算 tally", () => {
  it("sums each tier under both versions with the difference", () => {
    const s = tally().summary();
    expect(s).toMatchObject({ people: 3, claims: 4 });
    // basic 20000 + 1000 + 5000 + 600 = 26600 on both sides; assistance 7000 + 800 + 2500 = 10300 → 10800.
    expect(s.totals.current).toEqual(amounts("26600.00", "500.00", "10300.00", "0.00", "5600.00"));
    expect(s.totals.draft).toEqual(amounts("26600.00", "500.00", "10800.00", "1200.00", "3900.00"));
    expect(s.totals.diff).toEqual(amounts("0.00", "0.00", "500.00", "1200.00", "-1700.00"));
    // The fund: 10300 + 0 → 10800 + 1200 = 12000, +1700.
    expect(s.fund).toEqual({ current: "10300.00", draft: "12000.00", diff: "1700.00" });
  });

  it("breaks the totals down by category and by township", () => {
    const s = tally().summary();
    expect(s.byCategory.map((b) => [b.key, b.claims, b.diff.assistance, b.diff.tilted])).toEqual([
      ["dibao", 1, "500.00", "0.00"],
      ["ordinary", 1, "0.00", "0.00"],
      ["tekun", 2, "0.00", "1200.00"],
    ]);
    expect(s.byTownship.map((b) => [b.key, b.claims, b.current.selfPaid, b.draft.selfPaid])).toEqual([
      ["430524100000", 3, "5200.00", "3500.00"],
      ["430524200000", 1, "400.00", "400.00"],
    ]);
  });

  it("counts who pays more, less or the same, and ranks the largest changes with their reasons", () => {
    const s = tally().summary();
    expect(s.paying).toEqual({ more: 0, less: 2, same: 1 });
    expect(s.largest.map((p) => [p.personId, p.selfPaidChange, p.current.fund, p.draft.fund])).toEqual([
      ["b", "-1200.00", "3300.00", "4500.00"],
      ["a", "-500.00", "7000.00", "7500.00"],
    ]);
    expect(s.largest[1]!.reasons).toEqual(["医疗救助比例 70% → 75%"]);
    expect(tally(1).summary().largest.map((p) => p.personId)).toEqual(["b"]);
    expect(s.reasons).toEqual([
      { text: "倾斜救助新增适用：倾斜救助", claims: 1 },
      { text: "医疗救助比例 70% → 75%", claims: 1 },
    ]);
  });

  it("adds premium subsidies by funding source and counts the enrolments it could not compute", () => {
    const t = new SimulationTally(5);
    // 低保 一档 380: 90 % → 100 % (342 → 380 from the assistance fund).
    t.addEnrolment(
      { ok: true, funding: [{ source: "medical_assistance", amount: "342.00" }, { source: "personal", amount: "38.00" }] },
      { ok: true, funding: [{ source: "medical_assistance", amount: "380.00" }, { source: "personal", amount: "0.00" }] },
    );
    t.addEnrolment({ ok: false, reason: "no_category" }, { ok: false, reason: "no_category" });
    const s = t.summary().subsidy;
    expect(s).toEqual({
      enrolments: 2,
      current: { medical_assistance: "342.00", finance: "0.00", personal: "38.00" },
      draft: { medical_assistance: "380.00", finance: "0.00", personal: "0.00" },
      diff: { medical_assistance: "38.00", finance: "0.00", personal: "-38.00" },
      notComputed: { current: { no_category: 1 }, draft: { no_category: 1 } },
      changed: 1,
    });
  });

  it("keeps the person-years it could not settle apart, with examples", () => {
    const t = tally();
    t.addProblem({ personId: "d", claims: 3, reason: "没有启用的政策" });
    expect(t.summary().problems).toEqual({ personYears: 1, claims: 3, examples: [{ personId: "d", claims: 3, reason: "没有启用的政策" }] });
  });
});
