import { isCategory, type Category } from "@/lib/categories/categories";
import { RunError, settleYear, type ClaimTerms, type LedgerClaim, type SettledClaim } from "@/lib/claims/domain/settle-year";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { isIsoDate, parseIsoDate } from "@/lib/calendar/domain/iso-date";
import { traceChangeReasons } from "./trace-diff";

// One person's claims settled twice: under the versions in force on each
// claim's date (现行, exactly as the ledger settles them) and under the draft
// (草案), year by year, with why each claim's amounts differ. Pure; the use
// case reads the rows and resolves the versions in force.

/** A claim with what it settles under today: its category on its date and the version in force (null: none). */
export type SimulationClaim = LedgerClaim & { category: Category; current: ClaimTerms | null };

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
  const byYear = new Map<number, SimulationClaim[]>();
  for (const c of claims) {
    const y = Number(c.date.slice(0, 4));
    const list = byYear.get(y);
    if (list) list.push(c);
    else byYear.set(y, [c]);
  }
  const years: { year: number; pairs: ClaimPair[] }[] = [];
  for (const [year, list] of [...byYear.entries()].sort(([a], [b]) => a - b)) {
    const missing = list.find((c) => c.current === null);
    if (missing) return { ok: false, year, claims: list.length, reason: `结算日期 ${missing.date} 当天本地区没有启用的救助政策（现行）` };
    let current: SettledClaim[];
    let drafted: SettledClaim[];
    try {
      current = settleYear(list.map((c) => ({ ...c, terms: { ...c.current!, category: c.category } })));
    } catch (err) {
      return { ok: false, year, claims: list.length, reason: `现行版本无法结算：${engineWords(err)}` };
    }
    try {
      drafted = settleYear(list.map((c) => ({ ...c, terms: { versionId: draft.versionId, record: draft.record, category: c.category } })));
    } catch (err) {
      return { ok: false, year, claims: list.length, reason: `草案无法结算：${engineWords(err)}` };
    }
    const byId = new Map(list.map((c) => [c.claimId, c]));
    const draftById = new Map(drafted.map((d) => [d.claimId, d]));
    years.push({
      year,
      pairs: current.map((cur) => {
        const d = draftById.get(cur.claimId)!;
        const same = cur.basic === d.basic && cur.critical === d.critical && cur.assistance === d.assistance && cur.tilted === d.tilted && cur.selfPaid === d.selfPaid;
        return {
          claim: byId.get(cur.claimId)!,
          current: cur,
          draft: d,
          reasons: same ? [] : traceChangeReasons({ trace: cur.trace, categoryName: categoryName(cur.category) }, { trace: d.trace, categoryName: categoryName(d.category) }),
        };
      }),
    });
  }
  return { ok: true, years };
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
