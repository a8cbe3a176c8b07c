import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Category } from "@/lib/categories/categories";
import { getPreset } from "@/lib/policies/domain/preset-registry";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { yuanToCents } from "./cents";
import { checkSettleSemantics } from "./check-settle-input";
import { editablePreset } from "./settle-test-helpers";
import { settleClaims } from "./settle-claims";
import type { ClaimInput, SettlementResult } from "./types";

// Invariants of docs/policy.md §4 on random claims of every preset: the tiers add
// up to the policy-scope cost, none pays more than is left, no annual limit is
// ever exceeded, and the input order of the claims changes nothing.

type Tier = "critical" | "assistance" | "tilted";
/** A limit to check: trace lines of `tier` whose rule starts with `prefix` add up to at most `limit` a year (for `onlyFor` categories). */
type Pool = [prefix: string, tier: Tier, limit: number, onlyFor?: Category[]];
/** `parameters`: the request's yearly parameters in fen (a deductible that is a share of the prior-year income needs one). */
type Case = { policy: PolicyRecord; categories: Category[]; years: number[]; pools: Pool[]; parameters?: { priorYearIncome: number } };

const capped = editablePreset("chengkou-2022");
capped.limitPools[0]!.annualLimit = "20000";
capped.criticalIllness!.annualCap.amount = "30000";

const CASES: Case[] = [
  {
    policy: getPreset("pengshui-2023")!,
    categories: ["tekun", "dibao", "dibao_edge", "illness_poverty", "monitored", "priority_veteran"],
    years: [2023, 2024],
    pools: [["特殊疾病救助", "assistance", 100_000_00], ["其他疾病住院救助", "assistance", 60_000_00], ["倾斜救助", "tilted", 20_000_00]],
  },
  { policy: capped, categories: ["tekun", "dibao", "dibao_edge", "stable_exit"], years: [2022, 2023], pools: [["医疗救助", "assistance", 20_000_00], ["大病保险：", "critical", 30_000_00, ["dibao_edge", "stable_exit"]]] },
  {
    policy: getPreset("shaoyang-2021")!,
    categories: ["tekun", "monitored", "dibao_edge", "illness_poverty", "ordinary"],
    years: [2022, 2023],
    pools: [["依申请医疗救助", "assistance", 50_000_00], ["常规医疗救助", "assistance", 50_000_00]],
    parameters: { priorYearIncome: 30_000_00 },
  },
  {
    policy: getPreset("shandong-2019")!,
    categories: ["registered_poor", "tekun", "dibao", "low_income"],
    years: [2019, 2020],
    pools: [["重特大疾病住院救助", "assistance", 10_000_00], ["再救助", "tilted", 20_000_00], ["苯丙酮尿症", "assistance", 15_000_00], ["大病保险特药", "critical", 200_000_00]],
  },
  { policy: getPreset("jining-2023")!, categories: ["dibao", "ordinary"], years: [2023], pools: [] },
];

const claimArb = (years: number[]) =>
  fc.record({
    year: fc.constantFrom(...years),
    month: fc.integer({ min: 6, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    setting: fc.constantFrom("inpatient" as const, "outpatient" as const),
    specialDisease: fc.boolean(),
    hospitalLevel: fc.constantFrom(1 as const, 2 as const, 3 as const),
    referred: fc.boolean(),
    inCity: fc.boolean(),
    scope: fc.integer({ min: 0, max: 30_000_000 }),
    basicShare: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    criticalShare: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    onApplication: fc.boolean(),
    applicationId: fc.option(fc.constantFrom("A", "B"), { nil: undefined }),
    specialDrug: fc.boolean(),
    food: fc.integer({ min: 0, max: 9 }),
  });

type RawClaim = ReturnType<typeof claimArb> extends fc.Arbitrary<infer T> ? T : never;

function toClaims(policy: PolicyRecord, raw: RawClaim[]): ClaimInput[] {
  return raw.map((r, i) => {
    const claim: ClaimInput = {
      id: `c${i}`,
      date: `${r.year}-${String(r.month).padStart(2, "0")}-${String(r.day).padStart(2, "0")}`,
      setting: r.setting,
      specialDisease: r.specialDisease,
      hospitalLevel: r.hospitalLevel,
      referred: r.referred,
      inCity: r.inCity,
      policyScopeCost: r.scope,
      onApplication: r.onApplication,
    };
    // Policies without a critical rule require criticalPaid (and with it basicPaid): give both there.
    const needCritical = policy.criticalIllness === null || (r.criticalShare !== undefined && r.basicShare !== undefined);
    if (r.basicShare !== undefined || needCritical) claim.basicPaid = Math.floor((r.scope * (r.basicShare ?? 70)) / 100);
    if (needCritical) claim.criticalPaid = Math.floor(((r.scope - (claim.basicPaid ?? 0)) * (r.criticalShare ?? 10)) / 100);
    if (r.applicationId) claim.applicationId = r.applicationId;
    if (policy.criticalIllness?.specialDrug && r.specialDrug) claim.specialDrug = true;
    if (policy.specialFood && r.food === 0) claim.specialFood = "pku";
    return claim;
  });
}

// Cases are picked by index so a counterexample prints the claims, not the whole policy.
const caseArb = fc.integer({ min: 0, max: CASES.length - 1 }).chain((index) => {
  const c = CASES[index]!;
  return fc.record({
    index: fc.constant(index),
    category: fc.constantFrom(...c.categories),
    raw: fc.array(claimArb(c.years), { minLength: 1, maxLength: 8 }),
    seed: fc.integer(),
  });
});

function settleCase(c: Case, category: Category, claims: ClaimInput[]): SettlementResult | null {
  const input = { category, birthDate: "2005-03-01", claims, ...(c.parameters ? { parameters: c.parameters } : {}) };
  const problem = checkSettleSemantics(c.policy, input);
  if (problem) {
    // The only input the generator may produce that the parser refuses: a category without a critical rule.
    expect(["criticalRequired", "noDrugRule"]).toContain(problem.code);
    return null;
  }
  return settleClaims(c.policy, input);
}

describe("settlement invariants (fast-check)", () => {
  it("basic + critical + assistance + tilted + selfPaid = policy-scope cost; no tier pays more than is left", () => {
    fc.assert(
      fc.property(caseArb, ({ index, category, raw }) => {
        const c = CASES[index]!;
        const claims = toClaims(c.policy, raw);
        const result = settleCase(c, category, claims);
        if (!result) return;
        for (const r of result.claims) {
          const scope = claims.find((x) => x.id === r.id)!.policyScopeCost;
          const [basic, critical, assistance, tilted, self] = [r.basic, r.critical, r.assistance, r.tilted, r.selfPaid].map(yuanToCents) as [number, number, number, number, number];
          for (const v of [basic, critical, assistance, tilted, self]) expect(v).toBeGreaterThanOrEqual(0);
          expect(basic).toBeLessThanOrEqual(scope);
          expect(critical).toBeLessThanOrEqual(scope - basic);
          expect(assistance).toBeLessThanOrEqual(scope - basic - critical);
          expect(tilted).toBeLessThanOrEqual(scope - basic - critical - assistance);
          expect(basic + critical + assistance + tilted + self).toBe(scope);
          // Every non-zero amount is explained: the tier's trace lines add up to it.
          const tiers = { basic, critical, assistance, tilted } as const;
          for (const [tier, amount] of Object.entries(tiers)) {
            const traced = r.trace.filter((t) => t.tier === tier).reduce((sum, t) => sum + yuanToCents(t.amount), 0);
            expect(traced).toBe(amount);
          }
        }
      }),
      { numRuns: 600 },
    );
  });

  it("no annual limit is ever exceeded, whatever the claims", () => {
    fc.assert(
      fc.property(caseArb, ({ index, category, raw }) => {
        const c = CASES[index]!;
        const claims = toClaims(c.policy, raw);
        const result = settleCase(c, category, claims);
        if (!result) return;
        for (const [prefix, tier, limit, onlyFor] of c.pools) {
          if (onlyFor && !onlyFor.includes(category)) continue;
          const byYear = new Map<string, number>();
          for (const r of result.claims) {
            const year = claims.find((x) => x.id === r.id)!.date.slice(0, 4);
            for (const t of r.trace) {
              // Figures given as settled (basicPaid / criticalPaid) are the hospital's, taken as they are.
              if (t.tier === tier && t.rule.startsWith(prefix) && !t.rule.includes("已结算")) byYear.set(year, (byYear.get(year) ?? 0) + yuanToCents(t.amount));
            }
          }
          for (const total of byYear.values()) expect(total).toBeLessThanOrEqual(limit);
        }
      }),
      { numRuns: 600 },
    );
  });

  it("results do not depend on the input order of the claims", () => {
    fc.assert(
      fc.property(caseArb, ({ index, category, raw, seed }) => {
        const c = CASES[index]!;
        const claims = toClaims(c.policy, raw);
        const first = settleCase(c, category, claims);
        if (!first) return;
        const shuffled = claims
          .map((claim, i) => ({ claim, key: Math.imul(i + 1, seed | 1) >>> 0 }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.claim);
        expect(settleCase(c, category, shuffled)).toEqual(first);
        expect(settleCase(c, category, [...claims].reverse())).toEqual(first);
      }),
      { numRuns: 400 },
    );
  });
});
