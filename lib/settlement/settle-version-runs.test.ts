import { describe, expect, it } from "vitest";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { yuanToCents } from "./cents";
import { settleClaims, settleVersionRuns } from "./settle-claims";
import { editablePreset } from "./settle-test-helpers";
import type { ClaimInput } from "./types";

// A version that takes effect mid-year continues the year (docs/policy.md §4):
// the critical-illness deductible met, the segment position and the limit use
// carry across, mapped by rule id, then by pool id.

const claim = (id: string, date: string, scope: string, extra: Partial<ClaimInput> = {}): ClaimInput => ({
  id,
  date,
  setting: "inpatient",
  policyScopeCost: yuanToCents(scope),
  basicPaid: 0,
  ...extra,
});

function versions(edit: (v2: PolicyRecord) => void = () => {}): [PolicyRecord, PolicyRecord] {
  const v1 = editablePreset("shaoyang-2021");
  v1.effectiveTo = "2022-06-30";
  const v2 = editablePreset("shaoyang-2021");
  v2.version = 2;
  v2.effectiveFrom = "2022-07-01";
  edit(v2);
  return [v1, v2];
}

describe("a year that spans two policy versions", () => {
  it("the critical-illness deductible met in March counts in October: (10000 + 5000 − 11000) × 60% = 2400", () => {
    const [v1, v2] = versions();
    const [march, october] = settleVersionRuns([
      { policy: v1, input: { category: "ordinary", claims: [claim("A", "2022-03-01", "10000")] } },
      { policy: v2, input: { category: "ordinary", claims: [claim("B", "2022-10-01", "5000")] } },
    ]);
    expect(march!.claims[0]!.critical).toBe("0.00");
    expect(october!.claims[0]!.critical).toBe("2400.00");
    // Settled alone, the October claim would meet the whole deductible again.
    expect(settleClaims(v2, { category: "ordinary", claims: [claim("B", "2022-10-01", "5000")] }).claims[0]!.critical).toBe("0.00");
  });

  it("limit use carries to the same-id rule's pool, even when the new version renames the pool: 50000 − 42000 = 8000", () => {
    const [v1, v2] = versions((v) => {
      v.limitPools.find((p) => p.id === "regular")!.id = "regular-2022";
      v.assistance.rules.find((r) => r.id === "regular")!.pool = "regular-2022";
    });
    const big = (id: string, date: string) => claim(id, date, "60000", { criticalPaid: 0 });
    const [first, second] = settleVersionRuns([
      { policy: v1, input: { category: "dibao", claims: [big("A", "2022-03-01")] } }, // 60000 × 70% = 42000
      { policy: v2, input: { category: "dibao", claims: [big("B", "2022-10-01")] } },
    ]);
    expect(first!.claims[0]!.assistance).toBe("42000.00");
    expect(second!.claims[0]!.assistance).toBe("8000.00");
  });

  it("a renamed rule keeps its pool by the pool's id", () => {
    const [v1, v2] = versions((v) => {
      v.assistance.rules.find((r) => r.id === "regular")!.id = "regular-v2";
    });
    const big = (id: string, date: string) => claim(id, date, "60000", { criticalPaid: 0 });
    const [, second] = settleVersionRuns([
      { policy: v1, input: { category: "dibao", claims: [big("A", "2022-03-01")] } },
      { policy: v2, input: { category: "dibao", claims: [big("B", "2022-10-01")] } },
    ]);
    expect(second!.claims[0]!.assistance).toBe("8000.00");
  });

  it("a new calendar year under the new version starts from zero", () => {
    const [v1, v2] = versions();
    const [, next] = settleVersionRuns([
      { policy: v1, input: { category: "ordinary", claims: [claim("A", "2022-03-01", "10000")] } },
      { policy: v2, input: { category: "ordinary", claims: [claim("B", "2023-02-01", "5000")] } },
    ]);
    expect(next!.claims[0]!.critical).toBe("0.00");
  });
});
