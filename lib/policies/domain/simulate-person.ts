import { isCategory, type Category } from "@/lib/categories/categories";
import { RunError, settledClaim, settleYearCompact, toInput, type ClaimTerms, type CompactRun, type LedgerClaim, type SettledClaim } from "@/lib/claims/domain/settle-year";
import type { CompactSettlement } from "@/lib/settlement/settle-claims";
import type { ClaimInput } from "@/lib/settlement/types";
import { renderClaimTrace } from "@/lib/settlement/render-trace";
import * as traceLog from "@/lib/settlement/trace-log";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { isIsoDate, parseIsoDate } from "@/lib/calendar/domain/iso-date";
import { traceChangeReasons } from "./trace-diff";

// One person's claims settled twice: under the versions in force on each
// claim's date (现行, exactly as the ledger settles them) and under the draft
// (草案), year by year, with why each claim's amounts differ. Pure; the use
// case reads the rows and resolves the versions in force.

// A module-local copy: an imported binding is read through a getter on every use under CommonJS interop (tsx, the CLI).
const { AMOUNTS_PER_CLAIM } = traceLog;

/** A claim with what it settles under today: its category on its date and the version in force (null: none). */
export type SimulationClaim = LedgerClaim & {
  category: Category;
  current: ClaimTerms | null;
  /** The engine's input for the claim under `category`, built once and shared by both sides (the engine does not change it). */
  input?: ClaimInput;
};

/** toInput, remembered on the claim: both sides settle a claim under the same category, so one input serves both. */
function inputOf(c: SimulationClaim, category: Category): ClaimInput {
  const made = c.input;
  if (made !== undefined && made.category === category) return made;
  return (c.input = toInput(c, category));
}

export type ClaimPair = { claim: SimulationClaim; current: SettledClaim; draft: SettledClaim; reasons: string[] };

export type PersonOutcome = { ok: true; years: { year: number; pairs: ClaimPair[] }[] } | { ok: false; year: number; claims: number; reason: string };

/** The draft as it is settled in a simulation: its own dates opened to the past period (the draft is not in force anywhere yet). */
export function simulationRecord(draft: PolicyRecord, periodFrom: string): PolicyRecord {
  const yearStart = `${periodFrom.slice(0, 4)}-01-01`;
  return { ...draft, effectiveFrom: draft.effectiveFrom < yearStart ? draft.effectiveFrom : yearStart, effectiveTo: null };
}

/** The category held on `date`: the same rule as the ledger's (TermsResolver.categoryOn): the last span, in from_date order, covering the date. */
export function categoryOnDate(spans: readonly { category: string; from_date: string; to_date: string | null }[], date: string): Category {
  let found: string | null = null;
  for (const s of spans) if (s.from_date <= date && (s.to_date === null || s.to_date >= date)) found = s.category;
  if (found === null) return "ordinary";
  if (!isCategory(found)) throw new Error(`unknown category ${found}`);
  return found;
}

function engineWords(err: unknown): string {
  const message = err instanceof RunError || err instanceof Error ? err.message : String(err);
  const m = /needs parameter (\w+)/.exec(message);
  if (m && err instanceof RunError) {
    const label = err.terms.record.parameters.definitions.find((d) => d.name === m[1])?.label ?? m[1];
    return `政策“${err.terms.record.name}”缺少该年度参数“${label}”`;
  }
  return `结算引擎拒绝：${message}`;
}

/** Both sides of one year: the version runs of each, claims in ledger order (claim k is the k-th of the runs taken in order). */
export type CompactYear = { year: number; current: CompactRun<SimulationClaim>[]; draft: CompactRun<SimulationClaim>[] };

export type CompactOutcome = { ok: true; years: CompactYear[] } | { ok: false; year: number; claims: number; reason: string };

/** "YYYY-MM-DD" → YYYY without a substring. */
function yearOf(date: string): number {
  return (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
}

function byYearOf(claims: readonly SimulationClaim[]): [number, readonly SimulationClaim[]][] {
  if (claims.length === 0) return [];
  // Most people's claims of a period are of one year: no map, no copy for them (settleYearCompact does not change the list).
  const first = yearOf(claims[0]!.date);
  let k = 1;
  while (k < claims.length && yearOf(claims[k]!.date) === first) k++;
  if (k === claims.length) return [[first, claims]];
  const byYear = new Map<number, SimulationClaim[]>();
  for (const c of claims) {
    const y = yearOf(c.date);
    const list = byYear.get(y);
    if (list) list.push(c);
    else byYear.set(y, [c]);
  }
  return [...byYear.entries()].sort(([a], [b]) => a - b);
}

// The two sides' terms of a claim as plain functions, not closures made per person: under tsx every named closure
// is also given its name (a defineProperty), which a county's million people paid twice each.
const currentOf = (c: SimulationClaim): ClaimTerms => (c.current!.category === c.category ? c.current! : { ...c.current!, category: c.category });

/** The draft's terms of a claim, one object per category, kept with the draft (the county-wide run passes the same draft for every person). */
const draftTermsOf = new WeakMap<{ versionId: number; record: PolicyRecord }, (c: SimulationClaim) => ClaimTerms>();

function draftTerms(draft: { versionId: number; record: PolicyRecord }): (c: SimulationClaim) => ClaimTerms {
  let of = draftTermsOf.get(draft);
  if (of === undefined) {
    const byCategory = new Map<Category, ClaimTerms>();
    of = (c) => {
      let t = byCategory.get(c.category);
      if (!t) byCategory.set(c.category, (t = { versionId: draft.versionId, record: draft.record, category: c.category }));
      return t;
    };
    draftTermsOf.set(draft, of);
  }
  return of;
}

function missingCurrent(list: readonly SimulationClaim[]): SimulationClaim | undefined {
  for (const c of list) if (c.current === null) return c;
  return undefined;
}

/**
 * The engine's part of simulatePerson, without rendering: amounts in fen and
 * compact traces, so the county-wide run renders only the claims whose
 * amounts differ (their reasons) and the people it lists.
 */
export function simulatePersonCompact(claims: readonly SimulationClaim[], draft: { versionId: number; record: PolicyRecord }): CompactOutcome {
  const years: CompactYear[] = [];
  const draftOf = draftTerms(draft);
  for (const [year, list] of byYearOf(claims)) {
    const missing = missingCurrent(list);
    if (missing) return { ok: false, year, claims: list.length, reason: `结算日期 ${missing.date} 当天本地区没有启用的救助政策（现行）` };
    let current: CompactRun<SimulationClaim>[];
    let drafted: CompactRun<SimulationClaim>[];
    try {
      current = settleYearCompact(list, currentOf, inputOf);
    } catch (err) {
      return { ok: false, year, claims: list.length, reason: `现行版本无法结算：${engineWords(err)}` };
    }
    try {
      drafted = settleYearCompact(list, draftOf, inputOf);
    } catch (err) {
      return { ok: false, year, claims: list.length, reason: `草案无法结算：${engineWords(err)}` };
    }
    years.push({ year, current, draft: drafted });
  }
  return { ok: true, years };
}

/** Calls `each` for claim k of a year with its run and index on both sides. */
export function forEachPair(y: CompactYear, each: (claim: SimulationClaim, current: CompactRun<SimulationClaim>, i: number, draft: CompactRun<SimulationClaim>, j: number) => void): void {
  let r = 0;
  let i = 0;
  let s = 0;
  let j = 0;
  for (;;) {
    while (r < y.current.length && i >= y.current[r]!.claims.length) {
      r++;
      i = 0;
    }
    while (s < y.draft.length && j >= y.draft[s]!.claims.length) {
      s++;
      j = 0;
    }
    if (r >= y.current.length || s >= y.draft.length) return;
    each(y.current[r]!.claims[i]!, y.current[r]!, i, y.draft[s]!, j);
    i++;
    j++;
  }
}

/** Whether claim i of run a and claim j of run b settle to the same five amounts. */
export function sameAmounts(a: CompactSettlement, i: number, b: CompactSettlement, j: number): boolean {
  const x = a.amounts;
  const y = b.amounts;
  const p = i * AMOUNTS_PER_CLAIM;
  const q = j * AMOUNTS_PER_CLAIM;
  return x[p] === y[q] && x[p + 1] === y[q + 1] && x[p + 2] === y[q + 2] && x[p + 3] === y[q + 3] && x[p + 4] === y[q + 4];
}

/** Why a claim's amounts differ: the two rendered traces compared (trace-diff.ts). */
export function pairReasons(current: SettledClaim, draft: SettledClaim, categoryName: (c: Category) => string): string[] {
  return traceChangeReasons({ trace: current.trace, categoryName: categoryName(current.category) }, { trace: draft.trace, categoryName: categoryName(draft.category) });
}

/**
 * pairReasons for claim i of run a and claim j of run b, rendering only their
 * traces (not their amounts as text nor a SettledClaim each): 政策测算's
 * county-wide run asks this of every claim whose amounts differ.
 */
export function compactPairReasons(a: CompactRun, i: number, b: CompactRun, j: number, categoryName: (c: Category) => string): string[] {
  return traceChangeReasons(
    { trace: renderClaimTrace(a.settlement, i), categoryName: categoryName(a.terms[i]!.category) },
    { trace: renderClaimTrace(b.settlement, j), categoryName: categoryName(b.terms[j]!.category) },
  );
}

/**
 * `claims`: every claim of the person from the first period year's 1 January
 * to the period's end, in any order (claims before the period only fill the
 * year's deductibles and limits). Returns the pairs of each year, or the
 * first year that cannot be settled under one side (then nothing of that
 * person counts, so both sides stay comparable).
 */
export function simulatePerson(
  claims: readonly SimulationClaim[],
  draft: { versionId: number; record: PolicyRecord },
  categoryName: (c: Category) => string,
): PersonOutcome {
  const outcome = simulatePersonCompact(claims, draft);
  if (!outcome.ok) return outcome;
  return {
    ok: true,
    years: outcome.years.map((y) => {
      const pairs: ClaimPair[] = [];
      forEachPair(y, (claim, cr, i, dr, j) => {
        const current = settledClaim(cr, i);
        const drafted = settledClaim(dr, j);
        pairs.push({ claim, current, draft: drafted, reasons: sameAmounts(cr.settlement, i, dr.settlement, j) ? [] : pairReasons(current, drafted, categoryName) });
      });
      return { year: y.year, pairs };
    }),
  };
}

export type SimulationPeriod = { from: string; to: string };

const MAX_DAYS = 366 * 3;

/** 测算期间: from/to dates (default the previous calendar year before `today`), from ≤ to, within three years and not after today. */
export function parseSimulationPeriod(input: { from?: string | null; to?: string | null }, today: string): { ok: true; period: SimulationPeriod } | { ok: false; field: "from" | "to"; message: string } {
  const lastYear = Number(today.slice(0, 4)) - 1;
  const from = (input.from ?? "").trim() || `${lastYear}-01-01`;
  const to = (input.to ?? "").trim() || `${lastYear}-12-31`;
  if (!isIsoDate(from)) return { ok: false, field: "from", message: "测算起始日期：请填写有效日期，格式如 2025-01-01" };
  if (!isIsoDate(to)) return { ok: false, field: "to", message: "测算截止日期：请填写有效日期，格式如 2025-12-31" };
  if (from > to) return { ok: false, field: "to", message: "测算截止日期：不能早于起始日期" };
  if (to > today) return { ok: false, field: "to", message: `测算截止日期：不能晚于今天（${today}），测算只用已发生的结算记录` };
  if (parseIsoDate(to) - parseIsoDate(from) >= MAX_DAYS) return { ok: false, field: "to", message: "测算期间：最长三年，请缩短期间" };
  return { ok: true, period: { from, to } };
}
