import type { Category } from "@/lib/categories/categories";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import type { Cents } from "@/lib/settlement/cents";
import { settleClaimsAfter, type RunEnd } from "@/lib/settlement/settle-claims";
import type { ClaimInput, TierAmounts, TraceEntry } from "@/lib/settlement/types";

// How one person's claims of one calendar year are settled (pure).
//
// Each claim is settled under the person's consolidated category on its date
// and the policy version in force on its date. The year's claims, in date
// order (ties by 结算流水号), are cut into runs of consecutive claims under the
// same version, and each run is one settleClaims call in which every claim
// carries its own category: deductibles, the critical-illness position and
// the limit pools accumulate across a category change within the year
// (docs/policy.md §4). A new policy version mid-year starts a new run with fresh
// accumulators, because its pools and deductibles are different ones. A run
// never spans two years (one call per person-year).
//
// A category the version does not list (e.g. 普通参保人员 under 彭水, which
// names only assisted groups) is settled as "no assistance rule": the record is
// extended by that category, so basic and critical illness are taken or
// computed as usual and the trace says no assistance rule applies.

export type LedgerClaim = {
  claimId: string;
  externalId: string;
  date: string;
  setting: "inpatient" | "outpatient";
  hospitalLevel: 1 | 2 | 3;
  specialDisease: boolean;
  referred: boolean;
  inCity: boolean;
  onApplication: boolean;
  policyScopeCost: Cents;
  outOfScopeCost: Cents;
  basicPaid: Cents | null;
  criticalPaid: Cents | null;
  /** 医疗机构减免 / 医疗商业补充保险 (004 §二(二)3 四); absent or 0 when none. */
  hospitalWaived?: Cents;
  commercialPaid?: Cents;
};

export type ClaimTerms = { versionId: number; record: PolicyRecord; category: Category };

export type SettledClaim = TierAmounts & { claimId: string; versionId: number; category: Category; trace: TraceEntry[] };

export function ledgerOrder(a: { date: string; externalId: string }, b: { date: string; externalId: string }): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0;
}

function toInput(c: LedgerClaim): ClaimInput {
  const input: ClaimInput = {
    id: c.externalId,
    date: c.date,
    setting: c.setting,
    specialDisease: c.specialDisease,
    hospitalLevel: c.hospitalLevel,
    referred: c.referred,
    inCity: c.inCity,
    policyScopeCost: c.policyScopeCost,
    outOfScopeCost: c.outOfScopeCost,
    onApplication: c.onApplication,
  };
  if (c.basicPaid !== null) input.basicPaid = c.basicPaid;
  if (c.criticalPaid !== null) input.criticalPaid = c.criticalPaid;
  // Only when paid: a zero adds nothing to the engine's trace, so results settled before these columns existed stay identical.
  if (c.hospitalWaived) input.hospitalWaived = c.hospitalWaived;
  if (c.commercialPaid) input.commercialPaid = c.commercialPaid;
  return input;
}

export type Run<T> = { terms: ClaimTerms; claims: T[] };

/** The engine refused a run (e.g. a yearly parameter the version lacks); says which version and category. */
export class RunError extends Error {
  constructor(
    readonly terms: ClaimTerms,
    readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "RunError";
  }
}

/** Consecutive claims (already in ledger order) sharing version and category: the year view's sections. */
export function runsOf<T extends { terms: ClaimTerms }>(ordered: readonly T[]): Run<T>[] {
  const runs: Run<T>[] = [];
  for (const c of ordered) {
    const last = runs[runs.length - 1];
    if (last && last.terms.versionId === c.terms.versionId && last.terms.category === c.terms.category) last.claims.push(c);
    else runs.push({ terms: c.terms, claims: [c] });
  }
  return runs;
}

/** Consecutive claims (already in ledger order) under the same policy version, whatever their categories. */
export function versionRunsOf<T extends { terms: ClaimTerms }>(ordered: readonly T[]): Run<T>[] {
  const runs: Run<T>[] = [];
  for (const c of ordered) {
    const last = runs[runs.length - 1];
    if (last && last.terms.versionId === c.terms.versionId) last.claims.push(c);
    else runs.push({ terms: c.terms, claims: [c] });
  }
  return runs;
}

/** Settles one person-year; claims may come in any order, results are in ledger order. */
export function settleYear(claims: readonly (LedgerClaim & { terms: ClaimTerms })[]): SettledClaim[] {
  const ordered = [...claims].sort(ledgerOrder);
  const out: SettledClaim[] = [];
  // A version that took effect mid-year continues the year's deductibles and limits (docs/policy.md §4).
  let end: RunEnd | undefined;
  for (const run of versionRunsOf(ordered)) {
    const { versionId } = run.terms;
    let result;
    try {
      const settled = settleClaimsAfter(
        run.terms.record,
        { category: run.terms.category, claims: run.claims.map((c) => ({ ...toInput(c), category: c.terms.category })) },
        end,
      );
      result = settled.result;
      end = settled.end ?? end;
    } catch (cause) {
      throw new RunError(run.terms, cause);
    }
    const byId = new Map(run.claims.map((c) => [c.externalId, c]));
    for (const r of result.claims) {
      const claim = byId.get(r.id)!;
      out.push({
        claimId: claim.claimId,
        versionId,
        category: claim.terms.category,
        basic: r.basic,
        critical: r.critical,
        assistance: r.assistance,
        tilted: r.tilted,
        selfPaid: r.selfPaid,
        trace: r.trace,
      });
    }
  }
  return out;
}
