import type { Category } from "@/lib/categories/categories";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { yuanToCents, type Cents } from "@/lib/settlement/cents";
import { renderClaim } from "@/lib/settlement/render-trace";
import { settleCompact, type CompactSettlement, type RunEnd } from "@/lib/settlement/settle-claims";
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

/**
 * A stored claim's columns as both ledger reads give them (the claims page's
 * drizzle row, 政策测算's page row): amounts as numeric text, as the database
 * returns them.
 */
export type StoredClaim = {
  id: string;
  externalId: string;
  claimDate: string;
  setting: "inpatient" | "outpatient";
  hospitalLevel: number;
  specialDisease: boolean;
  referred: boolean;
  inCity: boolean;
  onApplication: boolean;
  policyScopeCost: string;
  outOfScopeCost: string;
  basicPaid: string | null;
  criticalPaid: string | null;
  hospitalWaived: string;
  commercialPaid: string;
};

/** The one stored claim → LedgerClaim mapping (re-settlement, import and 政策测算 alike). */
export function ledgerClaimOf(r: StoredClaim): LedgerClaim {
  return {
    claimId: r.id,
    externalId: r.externalId,
    date: r.claimDate,
    setting: r.setting,
    hospitalLevel: r.hospitalLevel as 1 | 2 | 3,
    specialDisease: r.specialDisease,
    referred: r.referred,
    inCity: r.inCity,
    onApplication: r.onApplication,
    policyScopeCost: yuanToCents(r.policyScopeCost),
    outOfScopeCost: yuanToCents(r.outOfScopeCost),
    basicPaid: r.basicPaid === null ? null : yuanToCents(r.basicPaid),
    criticalPaid: r.criticalPaid === null ? null : yuanToCents(r.criticalPaid),
    hospitalWaived: yuanToCents(r.hospitalWaived),
    commercialPaid: yuanToCents(r.commercialPaid),
  };
}

/** A stored claim whose amounts the read already turned into fen (政策测算's bulk read, db/queries/policy-simulation.ts). */
export type StoredClaimFen = Omit<StoredClaim, "policyScopeCost" | "outOfScopeCost" | "basicPaid" | "criticalPaid" | "hospitalWaived" | "commercialPaid"> & {
  policyScopeCost: Cents;
  outOfScopeCost: Cents;
  basicPaid: Cents | null;
  criticalPaid: Cents | null;
  hospitalWaived: Cents;
  commercialPaid: Cents;
};

/** ledgerClaimOf for a row with its amounts in fen: the same fields, nothing to convert. */
export function ledgerClaimOfFen(r: StoredClaimFen): LedgerClaim {
  return {
    claimId: r.id,
    externalId: r.externalId,
    date: r.claimDate,
    setting: r.setting,
    hospitalLevel: r.hospitalLevel as 1 | 2 | 3,
    specialDisease: r.specialDisease,
    referred: r.referred,
    inCity: r.inCity,
    onApplication: r.onApplication,
    policyScopeCost: r.policyScopeCost,
    outOfScopeCost: r.outOfScopeCost,
    basicPaid: r.basicPaid,
    criticalPaid: r.criticalPaid,
    hospitalWaived: r.hospitalWaived,
    commercialPaid: r.commercialPaid,
  };
}

export type ClaimTerms = { versionId: number; record: PolicyRecord; category: Category };

export type SettledClaim = TierAmounts & { claimId: string; versionId: number; category: Category; trace: TraceEntry[] };

export function ledgerOrder(a: { date: string; externalId: string }, b: { date: string; externalId: string }): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0;
}

/** The engine's input for a ledger claim, settled under `category` (the person's on the claim's date). */
export function toInput(c: LedgerClaim, category: Category): ClaimInput {
  const input: ClaimInput = {
    id: c.externalId,
    category,
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

/**
 * One version run of a person-year as the engine left it: amounts in fen and
 * the compact trace. `claims[i]` (with `terms[i]`) is the engine's claim i:
 * both are in ledger order (date, then 结算流水号), so `settledClaim(run, i)`
 * renders it.
 */
export type CompactRun<T extends LedgerClaim = LedgerClaim> = { claims: T[]; terms: ClaimTerms[]; settlement: CompactSettlement };

function inLedgerOrder<T extends { date: string; externalId: string }>(claims: readonly T[]): readonly T[] {
  for (let i = 1; i < claims.length; i++) if (ledgerOrder(claims[i - 1]!, claims[i]!) > 0) return [...claims].sort(ledgerOrder);
  return claims;
}

/**
 * settleYear without rendering: the year's version runs in ledger order
 * (render a claim with settledClaim). `termsOf` gives each claim's version
 * and category, so one year can be settled under two sides (政策测算);
 * `inputOf` the engine's input for a claim under a category (toInput; 政策测算
 * builds it once and gives the same object to both sides).
 */
export function settleYearCompact<T extends LedgerClaim>(
  claims: readonly T[],
  termsOf: (claim: T) => ClaimTerms,
  inputOf: (claim: T, category: Category) => ClaimInput = toInput,
): CompactRun<T>[] {
  const ordered = inLedgerOrder(claims);
  const out: CompactRun<T>[] = [];
  // A version that took effect mid-year continues the year's deductibles and limits (docs/policy.md §4).
  let end: RunEnd | undefined;
  for (let from = 0; from < ordered.length; ) {
    const first = termsOf(ordered[from]!);
    const run: CompactRun<T> = { claims: [], terms: [], settlement: undefined as unknown as CompactSettlement };
    const inputs: ClaimInput[] = [];
    for (; from < ordered.length; from++) {
      const c = ordered[from]!;
      const terms = termsOf(c);
      if (terms.versionId !== first.versionId) break;
      run.claims.push(c);
      run.terms.push(terms);
      inputs.push(inputOf(c, terms.category));
    }
    try {
      const settled = settleCompact(first.record, { category: first.category, claims: inputs }, end);
      end = settled.end ?? end;
      run.settlement = settled.result;
    } catch (cause) {
      throw new RunError(first, cause);
    }
    out.push(run);
  }
  return out;
}

/** Claim `i` of a compact run, rendered as the ledger stores it (amounts as text, the Chinese trace). */
export function settledClaim(run: CompactRun, i: number): SettledClaim {
  const terms = run.terms[i]!;
  const r = renderClaim(run.settlement, i);
  return {
    claimId: run.claims[i]!.claimId,
    versionId: terms.versionId,
    category: terms.category,
    basic: r.basic,
    critical: r.critical,
    assistance: r.assistance,
    tilted: r.tilted,
    selfPaid: r.selfPaid,
    trace: r.trace,
  };
}

/** Settles one person-year; claims may come in any order, results are in ledger order. */
export function settleYear(claims: readonly (LedgerClaim & { terms: ClaimTerms })[]): SettledClaim[] {
  const out: SettledClaim[] = [];
  for (const run of settleYearCompact(claims, (c) => c.terms)) for (let i = 0; i < run.claims.length; i++) out.push(settledClaim(run, i));
  return out;
}
