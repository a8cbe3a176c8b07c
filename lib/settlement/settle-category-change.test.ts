import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { getPreset } from "@/lib/policies/domain/preset-registry";
import { yuanToCents } from "./cents";
import { settleClaims } from "./settle-claims";
import type { ClaimInput } from "./types";

// A person whose category changes mid-year (a later roster): each claim is
// settled under its own category, but deductibles and the limit pools belong
// to the calendar year (docs/policy.md §4; 001 §二(三)3 — 年度救助限额).
const pengshui = getPreset("pengshui-2023")!;

// Other disease, level 2, 50000 policy-scope, basic and critical given: 80 % of 30000 = 24000 for dibao or tekun.
const stay = (id: string, date: string, category: "dibao" | "tekun" | "monitored"): ClaimInput => ({
  id, date, category, setting: "inpatient", hospitalLevel: 2, policyScopeCost: 5_000_000, basicPaid: 1_500_000, criticalPaid: 500_000,
});

describe("settleClaims with a category per claim", () => {
  it("applies each claim's own ratio and shares the year's 60000 pool across the change", () => {
    const r = settleClaims(pengshui, {
      category: "monitored",
      claims: [stay("A", "2025-02-01", "monitored"), stay("B", "2025-04-01", "monitored"), stay("C", "2025-06-01", "dibao"), stay("D", "2025-08-01", "dibao")],
    });
    // 001 §二(三)2: monitored 70 % of 30000 = 21000; dibao 80 % = 24000; the pool of 60000 leaves 18000 for C, 0 for D.
    expect(r.claims.map((c) => c.assistance)).toEqual(["21000.00", "21000.00", "18000.00", "0.00"]);
  });

  it("never exceeds an annual pool, whatever the order and the categories of the claims", () => {
    const claim = fc.record({
      day: fc.integer({ min: 1, max: 365 }),
      category: fc.constantFrom("dibao" as const, "tekun" as const, "monitored" as const),
      cost: fc.integer({ min: 3_000_001, max: 20_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(claim, { minLength: 1, maxLength: 12 }), (list) => {
        const claims = list.map((c, i): ClaimInput => {
          const date = new Date(Date.UTC(2025, 0, c.day)).toISOString().slice(0, 10);
          return { id: `K${i}`, date, category: c.category, setting: "inpatient", hospitalLevel: 2, policyScopeCost: c.cost, basicPaid: Math.floor(c.cost / 2), criticalPaid: 0 };
        });
        const r = settleClaims(pengshui, { category: "dibao", claims });
        const total = r.claims.reduce((s, c) => s + yuanToCents(c.assistance), 0);
        expect(total).toBeLessThanOrEqual(6_000_000); // the other-disease pool, 60000.00
      }),
      { numRuns: 300 },
    );
  });
});
