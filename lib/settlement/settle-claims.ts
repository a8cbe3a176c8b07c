import { evaluateCompiled, type YearMonitoring } from "@/lib/monitoring/domain/evaluate-monitoring";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import type { ParameterName } from "@/lib/policies/domain/schema/primitives";
import { settleAssistance } from "./assistance-tier";
import { settleBasic } from "./basic-tier";
import { formatCents, type Cents } from "./cents";
import { compilePolicy, parameterValue, planFor, type CompiledPolicy, type PersonPlan } from "./compile-policy";
import { settleCritical } from "./critical-tier";
import { settleFood } from "./food-tier";
import { settleTilted } from "./tilted-tier";
import { traceEntry } from "./trace";
import type { ClaimInput, ClaimResult, SettleClaimsInput, SettlementResult, TraceEntry } from "./types";
import { carryYear } from "./year-carry";
import { chargePool, newYearState, type YearState } from "./year-state";

// 三重制度 settlement of one person's claims (docs/policy.md §4): basic insurance →
// critical illness → assistance → tilted assistance / re-assistance, each on
// the policy-scope cost the tiers before it left. Claims go in date order (ties
// by id) whatever the input order; accumulators reset each calendar year.
// Pure and synchronous: the CLI, the API and the benchmark all call this.

export function compareClaims(a: ClaimInput, b: ClaimInput): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

type Context = {
  compiled: CompiledPolicy;
  /** The plan of the input's category: yearly parameters and monitoring. */
  plan: PersonPlan;
  input: SettleClaimsInput;
  /** A claim's own category picks its plan; the year state is shared. */
  planOf: (claim: ClaimInput) => PersonPlan;
};

function parameterFor(ctx: Context, year: number, name: ParameterName): Cents | undefined {
  return ctx.input.parameters?.[name] ?? parameterValue(ctx.compiled, year, name);
}

function criticalParameter(ctx: Context, year: number): Cents | undefined {
  const d = ctx.plan.critical?.general?.deductible;
  return d?.kind === "share" ? parameterFor(ctx, year, d.parameter) : undefined;
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
function waivedOf(plan: PersonPlan, claim: ClaimInput, left: Cents, trace: TraceEntry[]): Cents {
  // Nothing follows that the waivers could lower: the amounts change no tier.
  if (plan.tilted.length === 0 || claim.specialFood !== undefined) return 0;
  const waived = claim.hospitalWaived ?? 0;
  const commercial = claim.commercialPaid ?? 0;
  if (waived + commercial === 0) return 0;
  const taken = Math.min(left, waived + commercial);
  const parts = [waived > 0 ? `医疗机构减免 ${formatCents(waived)} 元` : "", commercial > 0 ? `商业补充保险赔付 ${formatCents(commercial)} 元` : ""].filter(Boolean);
  const capped = taken < waived + commercial ? `，以个人尚需负担的 ${formatCents(left)} 元为限` : "";
  trace.push(
    traceEntry("tilted", `${parts.join("、")}，从个人负担中先行扣除 ${formatCents(taken)} 元${capped}，余 ${formatCents(left - taken)} 元作为倾斜救助/再救助的计算基础`, left, 0),
  );
  return taken;
}

/** Settles one claim; adds its five amounts to `totals` (basic, critical, assistance, tilted, selfPaid). */
function settleOne(base: Context, state: YearState, claim: ClaimInput, totals: Cents[]): ClaimResult {
  const ctx = claim.category === undefined ? base : { ...base, plan: base.planOf(claim) };
  const scope = claim.policyScopeCost;
  const trace: TraceEntry[] = [];
  const basic = settleBasic(ctx.plan, state, claim, scope, trace);
  if (basic > scope) fail(claim, "basicPaid exceeds the policy-scope cost");
  let left = scope - basic;
  const critical = settleCritical(ctx.plan, state, claim, left, state.criticalParameter, trace);
  if (critical > left) fail(claim, "basicPaid + criticalPaid exceed the policy-scope cost");
  left -= critical;
  state.afterBasicAndCritical += left;
  const assistance =
    claim.specialFood !== undefined
      ? settleFood(ctx.plan, state, claim, left, ctx.input.birthDate, trace)
      : settleAssistance(ctx.plan, state, claim, scope, left, trace);
  left -= assistance;
  const tilted = settleTilted(ctx.plan, state, claim, left - waivedOf(ctx.plan, claim, left, trace), trace);
  left -= tilted;
  state.selfPaid += left;
  const outOfScope = claim.outOfScopeCost ?? 0;
  if (outOfScope > 0) {
    state.outOfScope += outOfScope;
    trace.push(traceEntry("assistance", "目录外费用不属于政策范围，各重保障均不支付，也不予救助", outOfScope, 0));
  }
  totals[0]! += basic;
  totals[1]! += critical;
  totals[2]! += assistance;
  totals[3]! += tilted;
  totals[4]! += left;
  return {
    id: claim.id,
    basic: formatCents(basic),
    critical: formatCents(critical),
    assistance: formatCents(assistance),
    tilted: formatCents(tilted),
    selfPaid: formatCents(left),
    trace,
  };
}

function monitoringOf(ctx: Context, years: YearState[]): SettlementResult["monitoring"] {
  const m = ctx.plan.monitoring;
  if (m === null) return undefined;
  const results: YearMonitoring[] = years.map((s) =>
    evaluateCompiled(
      m,
      s.year,
      { afterThreeTiers: s.selfPaid, afterBasicAndCritical: s.afterBasicAndCritical, outOfScope: s.outOfScope },
      m.rule ? parameterFor(ctx, s.year, m.rule.parameter) : undefined,
    ),
  );
  const last = results[results.length - 1];
  if (!last) return undefined;
  return results.length > 1 ? { ...last, byYear: results } : last;
}

/** Where a version run ended: its last year's state and the compiled policy it was settled under. */
export type RunEnd = { state: YearState; compiled: CompiledPolicy };

export function settleClaims(policy: PolicyRecord, input: SettleClaimsInput): SettlementResult {
  return settleClaimsAfter(policy, input, undefined).result;
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
  // Every category settles (docs/policy.md §1): a category the policy names
  // in no rule still gets basic insurance and critical illness, and its
  // trace says no assistance rule names it.
  const compiled = compilePolicy(policy);
  const plans = new Map<string, PersonPlan>();
  const planOf = (claim: ClaimInput): PersonPlan => {
    const category = claim.category ?? input.category;
    let plan = plans.get(category);
    if (!plan) {
      plans.set(category, (plan = planFor(compiled, category)));
    }
    return plan;
  };
  const ctx: Context = { compiled, plan: planOf({ category: input.category } as ClaimInput), input, planOf };
  const claims = input.claims.slice().sort(compareClaims);
  const years: YearState[] = [];
  const totals: Cents[] = [0, 0, 0, 0, 0];
  const results: ClaimResult[] = [];
  let state: YearState | undefined;
  for (const claim of claims) {
    const year = Number(claim.date.slice(0, 4));
    if (state === undefined || state.year !== year) {
      if (before !== undefined && before.state.year === year && state === undefined) {
        // The year began under the previous version: continue it (its prior use is already in it).
        state = carryYear(before.state, before.compiled, compiled, criticalParameter(ctx, year));
      } else {
        state = newYearState(year, compiled.pools.length, policy.tiltedAssistance.length, criticalParameter(ctx, year));
        const used = input.poolsUsedBefore?.[year];
        if (used) {
          for (const [id, amount] of Object.entries(used)) {
            const pool = compiled.pools.find((p) => p.id === id);
            if (!pool) throw new Error(`policy ${policy.id} has no limit pool ${id}`);
            chargePool(state, pool, amount, `p:${id}`);
          }
        }
      }
      years.push(state);
    }
    results.push(settleOne(ctx, state, claim, totals));
  }
  const result: SettlementResult = {
    policy: policy.id,
    category: input.category,
    claims: results,
    totals: {
      basic: formatCents(totals[0]!),
      critical: formatCents(totals[1]!),
      assistance: formatCents(totals[2]!),
      tilted: formatCents(totals[3]!),
      selfPaid: formatCents(totals[4]!),
    },
  };
  const monitoring = monitoringOf(ctx, years);
  if (monitoring) result.monitoring = monitoring;
  return { result, end: state === undefined ? undefined : { state, compiled } };
}
