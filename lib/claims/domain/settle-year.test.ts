import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { getPreset } from "@/lib/policies/domain/preset-registry";
import { settleYear, type ClaimTerms, type LedgerClaim } from "./settle-year";

// How a person-year is settled from the ledger: date order whatever the input
// order, runs of (version, category), and a category the version does not
// name settled as "no assistance". 彭水 001 §二(三)2: 其他疾病 stays over 30000
// at level ≥ 2, 低保 80 %, 60000 a year.

const pengshui = getPreset("pengshui-2023")!;
const dibao: ClaimTerms = { versionId: 1, record: pengshui, category: "dibao" };

function stay(n: number, date: string, terms = dibao): LedgerClaim & { terms: ClaimTerms } {
  return {
    claimId: `c${n}`, externalId: `E${n}`, date, setting: "inpatient", hospitalLevel: 2, specialDisease: false, referred: true, inCity: true, onApplication: false,
    policyScopeCost: 10_000_000, outOfScopeCost: 0, basicPaid: 6_000_000, criticalPaid: 1_000_000, terms,
  };
}

const year = [stay(1, "2025-03-01"), stay(2, "2025-05-01"), stay(3, "2025-08-01"), stay(4, "2025-10-01")];

describe("settleYear", () => {
  it("settles in date order whatever order the claims come in", () => {
    const expected = settleYear(year);
    expect(expected.map((c) => c.assistance)).toEqual(["24000.00", "24000.00", "12000.00", "0.00"]);
    fc.assert(fc.property(fc.shuffledSubarray(year, { minLength: 4, maxLength: 4 }), (shuffled) => {
      expect(settleYear(shuffled)).toEqual(expected);
    }));
  });

  it("keeps the year's limit pool across a mid-year category change (docs/policy.md §4: limits accumulate over the calendar year)", () => {
    // 彭水 001 §二(三)2: other diseases, 80 % for dibao and tekun alike, 60000 a year. Two dibao stays
    // use 48000; after the roster makes the person tekun, the third stay gets the 12000 left, the fourth nothing.
    const tekun: ClaimTerms = { ...dibao, category: "tekun" };
    const r = settleYear([stay(1, "2025-03-01"), stay(2, "2025-05-01"), stay(3, "2025-08-01", tekun), stay(4, "2025-10-01", tekun)]);
    expect(r.map((c) => [c.category, c.assistance])).toEqual([
      ["dibao", "24000.00"],
      ["dibao", "24000.00"],
      ["tekun", "12000.00"],
      ["tekun", "0.00"],
    ]);
    expect(r[3]!.trace.some((e) => e.tier === "assistance" && /限额|已用完|上限/.test(e.rule))).toBe(true);
  });

  it("settles a category the version does not name as not assisted, with the reason in the trace", () => {
    const [r] = settleYear([stay(1, "2025-03-01", { ...dibao, category: "ordinary" })]);
    expect(r).toMatchObject({ category: "ordinary", basic: "60000.00", critical: "10000.00", assistance: "0.00", tilted: "0.00", selfPaid: "30000.00" });
    expect(r!.trace.some((e) => e.rule.includes("本政策对普通参保人员未配置医疗救助规则"))).toBe(true);
  });
});
