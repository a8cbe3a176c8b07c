import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { settleAssistance } from "./assistance-tier";
import { settleBasic } from "./basic-tier";
import { mulBp, type Cents } from "./cents";
import { compilePolicy, planFor, yearParameter, type CompiledPolicy, type PersonPlan } from "./compile-policy";
import { settleCritical } from "./critical-tier";
import { settleFood } from "./food-tier";
import { renderSettlement } from "./render-trace";
import { settleTilted } from "./tilted-tier";
import * as codes from "./trace-log";
import type { ClaimInput, SettleClaimsInput, SettlementResult } from "./types";
import { carryYear } from "./year-carry";
import { chargePool, newYearState, type YearState } from "./year-state";

// Module-local copies of the trace codes: an imported binding is read through a
// getter on every use under CommonJS interop (tsx, the CLI); a local const is free.
const { OUT_OF_SCOPE, WAIVED } = codes;

// 三重制度 settlement of one person's claims (docs/policy.md §4): basic insurance →
// critical illness → assistance → tilted assistance / re-assistance, each on
// the policy-scope cost the tiers before it left. Claims go in date order (ties
// by id) whatever the input order; accumulators reset each calendar year.
// Pure and synchronous: the CLI, the API, the ledger and the benchmark all
// call this. `settleCompact` is the engine itself: amounts in integer fen and
// the trace recorded compactly (trace-log.ts); `settleClaims` renders its
// result into the contract's output (render-trace.ts), and batch callers
// render only the claims they show.

export function compareClaims(a: ClaimInput, b: ClaimInput): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** One settlement as the engine leaves it: integers and the compact trace, rendered on demand. */
export type CompactSettlement = {
  compiled: CompiledPolicy;
  input: SettleClaimsInput;
  /** The plan of the input's category (monitoring, critical parameter). */
  plan: PersonPlan;
  /** The claims in settlement order (date, then id). */
  claims: readonly ClaimInput[];
  /** AMOUNTS_PER_CLAIM (5) amounts per claim in fen: basic, critical, assistance, tilted, selfPaid, in `claims` order. */
  amounts: number[];
  /** Σ of each of the five amounts. */
  totals: [Cents, Cents, Cents, Cents, Cents];
  /** The compact trace (trace-log.ts); claim i's lines are log[traceAt[i]] up to log[traceAt[i + 1]]. */
  log: number[];
  traceAt: number[];
  /** Each calendar year's state at its end, in order (the monitoring figures). */
  years: YearState[];
};

function criticalParameter(plan: PersonPlan, input: SettleClaimsInput, compiled: CompiledPolicy, year: number): Cents | undefined {
  const d = plan.critical?.general?.deductible;
  return d?.kind === "share" ? yearParameter(input.parameters, compiled, year, d.parameter) : undefined;
}

function fail(claim: ClaimInput, what: string): never {
  throw new Error(`claim ${claim.id}: ${what}`);
}

/**
 * 医疗机构减免 and 医疗商业补充保险 (004 §二(二)3 四: re-assistance is on what is
 * left after five layers): the part of what the person still bears that the
 * hospital waived or the commercial insurer paid, taken off the tilted /
 * re-assistance base. `selfPaid` stays scope − the four tiers (docs/cli.md).
 */
function waivedOf(plan: PersonPlan, claim: ClaimInput, left: Cents, log: number[]): Cents {
  // Nothing follows that the waivers could lower: the amounts change no tier.
  if (plan.tilted.length === 0 || claim.specialFood !== undefined) return 0;
  const waived = claim.hospitalWaived ?? 0;
  const commercial = claim.commercialPaid ?? 0;
  if (waived + commercial === 0) return 0;
  const taken = Math.min(left, waived + commercial);
  log.push(WAIVED, waived, commercial, left, taken);
  return taken;
}

/** Settles one claim into `out` (its five amounts and its trace lines) and adds them to the totals. */
function settleOne(out: CompactSettlement, plan: PersonPlan, state: YearState, claim: ClaimInput): void {
  const log = out.log;
  const scope = claim.policyScopeCost;
  const basic = settleBasic(plan, state, claim, scope, log);
  if (basic > scope) fail(claim, "basicPaid exceeds the policy-scope cost");
  let left = scope - basic;
  const critical = settleCritical(plan, state, claim, left, state.criticalParameter, log);
  if (critical > left) fail(claim, "basicPaid + criticalPaid exceed the policy-scope cost");
  left -= critical;
  state.afterBasicAndCritical += left;
  const assistance =
    claim.specialFood !== undefined
      ? settleFood(plan, state, claim, left, out.input.birthDate, log)
      : settleAssistance(plan, state, claim, scope, left, log, out.input.parameters);
  left -= assistance;
  const tilted = plan.tilted.length === 0 ? 0 : settleTilted(plan, state, claim, left - waivedOf(plan, claim, left, log), log);
  left -= tilted;
  state.selfPaid += left;
  const outOfScope = claim.outOfScopeCost ?? 0;
  if (outOfScope > 0) {
    state.outOfScope += outOfScope;
    log.push(OUT_OF_SCOPE, outOfScope);
  }
  const totals = out.totals;
  totals[0] += basic;
  totals[1] += critical;
  totals[2] += assistance;
  totals[3] += tilted;
  totals[4] += left;
  out.amounts.push(basic, critical, assistance, tilted, left);
  out.traceAt.push(log.length);
}

/** Where a version run ended: its last year's state and the compiled policy it was settled under. */
export type RunEnd = { state: YearState; compiled: CompiledPolicy };

export function settleClaims(policy: PolicyRecord, input: SettleClaimsInput): SettlementResult {
  return renderSettlement(settleCompact(policy, input, undefined).result);
}

/**
 * One person's claims under consecutive policy versions (each run's claims
 * all dated after the previous run's): a year that spans two versions keeps
 * its deductibles, segment position and limit use (year-carry.ts).
 */
export function settleVersionRuns(runs: readonly { policy: PolicyRecord; input: SettleClaimsInput }[]): SettlementResult[] {
  let end: RunEnd | undefined;
  return runs.map(({ policy, input }) => {
    const settled = settleClaimsAfter(policy, input, end);
    end = settled.end ?? end;
    return settled.result;
  });
}

/** One version run that continues where `before` (the previous version's run of the same person) ended. */
export function settleClaimsAfter(
  policy: PolicyRecord,
  input: SettleClaimsInput,
  before: RunEnd | undefined,
): { result: SettlementResult; end: RunEnd | undefined } {
  const settled = settleCompact(policy, input, before);
  return { result: renderSettlement(settled.result), end: settled.end };
}

/** "YYYY-MM-DD" → YYYY without a substring. */
function yearOf(date: string): number {
  return (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
}

/** The claims in settlement order: as given when already in order, else a sorted copy (stable: equal claims keep their input order). */
function inOrder(claims: readonly ClaimInput[]): readonly ClaimInput[] {
  const n = claims.length;
  let i = 1;
  while (i < n && compareClaims(claims[i - 1]!, claims[i]!) <= 0) i++;
  if (i >= n) return claims;
  if (n > 16) return claims.slice().sort(compareClaims);
  // A person's few claims: an insertion sort, cheaper than Array#sort's set-up.
  const sorted = claims.slice();
  for (; i < n; i++) {
    const c = sorted[i]!;
    let j = i;
    while (j > 0 && compareClaims(sorted[j - 1]!, c) > 0) {
      sorted[j] = sorted[j - 1]!;
      j--;
    }
    sorted[j] = c;
  }
  return sorted;
}

/** The engine: settleClaimsAfter without rendering (amounts in fen, compact trace). */
export function settleCompact(policy: PolicyRecord, input: SettleClaimsInput, before: RunEnd | undefined): { result: CompactSettlement; end: RunEnd | undefined } {
  // Every category settles (docs/policy.md §1): a category the policy names
  // in no rule still gets basic insurance and critical illness, and its
  // trace says no assistance rule names it.
  const compiled = compilePolicy(policy);
  const plan = planFor(compiled, input.category);
  const claims = inOrder(input.claims);
  const out: CompactSettlement = { compiled, input, plan, claims, amounts: [], totals: [0, 0, 0, 0, 0], log: [], traceAt: [0], years: [] };
  let state: YearState | undefined;
  for (const claim of claims) {
    const year = yearOf(claim.date);
    if (state === undefined || state.year !== year) {
      if (before !== undefined && before.state.year === year && state === undefined) {
        // The year began under the previous version: continue it (its prior use is already in it).
        state = carryYear(before.state, before.compiled, compiled, criticalParameter(plan, input, compiled, year));
      } else {
        state = newYearState(year, compiled.pools.length, policy.tiltedAssistance.length, criticalParameter(plan, input, compiled, year));
        const used = input.poolsUsedBefore?.[year];
        if (used) {
          for (const [id, amount] of Object.entries(used)) {
            const pool = compiled.pools.find((p) => p.id === id);
            if (!pool) throw new Error(`policy ${policy.id} has no limit pool ${id}`);
            chargePool(state, pool, amount, `p:${id}`);
          }
        }
      }
      out.years.push(state);
    }
    settleOne(out, claim.category === undefined ? plan : planFor(compiled, claim.category), state, claim);
  }
  return { result: out, end: state === undefined ? undefined : { state, compiled } };
}

/** Whether the latest year is flagged for monitoring: evaluateCompiled's `flagged` without its words. */
export function monitoringFlagged(s: CompactSettlement): boolean {
  const m = s.plan.monitoring;
  const y = s.years[s.years.length - 1];
  if (m === null || m.rule === null || y === undefined) return false;
  const parameter = yearParameter(s.input.parameters, s.compiled, y.year, m.rule.parameter);
  if (parameter === undefined) return false;
  const figure = (m.rule.figure === "afterThreeTiers" ? y.selfPaid : y.afterBasicAndCritical) + (m.rule.includeOutOfScope ? y.outOfScope : 0);
  const threshold = mulBp(parameter, m.bp);
  return m.rule.comparison === "gte" ? figure >= threshold : figure > threshold;
}
