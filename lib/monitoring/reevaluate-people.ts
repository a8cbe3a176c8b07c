import "server-only";
import type { Tx } from "@/db/client";
import {
  approvedApplicationAssistance,
  claimYearsFrom,
  flagsOf,
  insertFlags,
  personYears,
  personYearsOfClaims,
  refreshFlags,
  type NewFlag,
  type PersonYear,
} from "@/db/queries/monitoring";
import { claimIdsOfYears, stageDivisionYears, stagedYears } from "@/db/queries/monitoring-years";
import { isCategory } from "@/lib/categories/categories";
import { TermsResolver } from "@/lib/claims/claim-terms";
import { yuanToCents } from "@/lib/settlement/cents";
import { compilePolicy, parameterValue } from "@/lib/settlement/compile-policy";
import { compileMonitoring, evaluateCompiled, type CompiledMonitoring } from "./domain/evaluate-monitoring";

/**
 * The one evaluation of 因病返贫致贫监测 (docs/policy.md §5), run inside the
 * caller's transaction: by `monitoring run` for a whole jurisdiction, by a
 * claims import or re-settlement for the person-years it touched, and by a
 * policy activation (new yearly parameters) for the years it changes. Each
 * person-year is summed from the ledger's current settlements in one query
 * per batch of 1,000 (never per claim) and evaluated against the rule of the
 * policy in force on the date of that year's latest claim. A person over the
 * threshold is flagged once per year and rule (the unique constraint backs
 * it); an existing flag only gets its latest figure — a re-settlement that
 * lowers the costs shows there and closes nothing by itself.
 */

export type Reevaluated = { raised: number; refreshed: number };

const BATCH = 1000;
/** A whole division's staged person-years are read back this many at a time. */
const STAGED_BATCH = 5000;
const NO_ID = "00000000-0000-0000-0000-000000000000";

type Scope = { year: number; prefix: string; personIds?: readonly string[] };

/** A person-year to evaluate: an import's come with their claim ids, a whole division's without (read only for those flagged). */
type Candidate = Omit<PersonYear, "claimIds"> & { claimIds?: string[] };

/** What a whole division's batch already carries, read with its person-years. */
type Known = { granted: Map<string, string>; existing: { id: number; personId: string; ruleId: string }[] };

/**
 * Evaluator with its caches, for one transaction: the version in force by the
 * village's chain of activated divisions and day (TermsResolver, so a county's
 * villages share one look-up per day: at most a year's days, not one per
 * village and day), looked up for a whole batch at once; compiled rules by
 * version and category.
 */
function evaluator(tx: Tx, today: string) {
  const terms = new TermsResolver(tx);
  const rules = new Map<string, CompiledMonitoring>();

  return async function evaluateBatch(batch: readonly Candidate[], year: number, known?: Known): Promise<Reevaluated> {
    const ids = known ? [] : batch.map((p) => p.personId);
    const [granted, existing, policies] = await Promise.all([
      known?.granted ?? approvedApplicationAssistance(tx, ids, year),
      known?.existing ?? flagsOf(tx, ids, year),
      Promise.all(batch.map((p) => terms.policyOn(p.divisionCode, p.lastDate))),
    ]);
    const flagOf = new Map(existing.map((f) => [`${f.personId}|${f.ruleId}`, f.id]));
    const raise: NewFlag[] = [];
    const raisedFrom: Candidate[] = [];
    const refresh: { id: number; latestFigure: string; latestFlagged: boolean }[] = [];
    for (const [i, p] of batch.entries()) {
      if (!isCategory(p.category)) continue;
      const policy = policies[i];
      if (!policy) continue;
      const ruleKey = `${policy.versionId}|${p.category}`;
      let compiled = rules.get(ruleKey);
      if (!compiled) {
        const record = policy.record;
        compiled = compileMonitoring(record.monitoring, p.category, (r) => record.parameters.definitions.find((d) => d.name === r.parameter)?.label ?? r.parameter);
        rules.set(ruleKey, compiled);
      }
      const rule = compiled.rule;
      if (!rule) continue;
      const afterThreeTiers = Math.max(0, yuanToCents(p.selfPaid) - yuanToCents(granted.get(p.personId) ?? "0"));
      const figures = { afterThreeTiers, afterBasicAndCritical: yuanToCents(p.afterBasicAndCritical), outOfScope: yuanToCents(p.outOfScope) };
      const result = evaluateCompiled(compiled, year, figures, parameterValue(compilePolicy(policy.record), year, rule.parameter));
      const flagId = flagOf.get(`${p.personId}|${rule.id}`);
      if (flagId !== undefined) {
        refresh.push({ id: flagId, latestFigure: result.value, latestFlagged: result.flagged });
      } else if (result.flagged && result.threshold !== null) {
        raisedFrom.push(p);
        raise.push({
          personId: p.personId,
          year,
          ruleId: rule.id,
          policyVersionId: policy.versionId,
          category: p.category,
          figure: result.value,
          threshold: result.threshold,
          basis: result.basis,
          claimIds: p.claimIds ?? [],
          raisedOn: today,
          latestFigure: result.value,
          latestFlagged: "yes",
          evaluatedOn: today,
        });
      }
    }
    // A whole division's batches carry no claim ids: read for the people flagged now.
    const missing = raise.filter((_, i) => raisedFrom[i]!.claimIds === undefined);
    if (missing.length > 0) {
      const idsOf = await claimIdsOfYears(tx, missing.map((f) => f.personId), year);
      for (const f of missing) f.claimIds = idsOf.get(f.personId) ?? [];
    }
    await refreshFlags(tx, refresh, today);
    return { raised: await insertFlags(tx, raise), refreshed: refresh.length };
  };
}

async function evaluateScope(tx: Tx, scope: Scope, today: string, evaluate = evaluator(tx, today)): Promise<Reevaluated> {
  const out: Reevaluated = { raised: 0, refreshed: 0 };
  const add = (r: Reevaluated) => {
    out.raised += r.raised;
    out.refreshed += r.refreshed;
  };
  if (scope.personIds) {
    const ids = [...new Set(scope.personIds)];
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = await personYears(tx, scope.prefix, scope.year, ids.slice(i, i + BATCH));
      if (batch.length > 0) add(await evaluate(batch, scope.year));
    }
    return out;
  }
  // A whole division: summed once by PostgreSQL (monitoring-years.ts), then evaluated in batches.
  await stageDivisionYears(tx, scope.prefix, scope.year);
  for (let after = NO_ID; ; ) {
    const batch = await stagedYears(tx, after, STAGED_BATCH);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.personId;
    const known: Known = {
      granted: new Map(batch.filter((p) => p.granted !== "0").map((p) => [p.personId, p.granted])),
      existing: batch.flatMap((p) => p.flags.map((f) => ({ id: f.id, personId: p.personId, ruleId: f.ruleId }))),
    };
    add(await evaluate(batch, scope.year, known));
  }
  return out;
}

/** Every person of the division prefix for `year` (monitoring run). */
export async function reevaluateDivision(tx: Tx, prefix: string, year: number, today: string): Promise<Reevaluated> {
  return evaluateScope(tx, { year, prefix }, today);
}

/** The person-years these claims belong to (after an import or a re-settlement wrote them). */
export async function reevaluateClaims(tx: Tx, claimIds: readonly string[], today: string): Promise<Reevaluated> {
  const byYear = new Map<number, string[]>();
  for (const { personId, year } of await personYearsOfClaims(tx, claimIds)) {
    if (!byYear.has(year)) byYear.set(year, []);
    byYear.get(year)!.push(personId);
  }
  const evaluate = evaluator(tx, today);
  const out: Reevaluated = { raised: 0, refreshed: 0 };
  for (const [year, personIds] of byYear) {
    const r = await evaluateScope(tx, { year, prefix: "", personIds }, today, evaluate);
    out.raised += r.raised;
    out.refreshed += r.refreshed;
  }
  return out;
}

/** Every year with claims from `from` on, under the prefix (a policy activated from that date: new yearly parameters). */
export async function reevaluateFrom(tx: Tx, prefix: string, from: string, today: string): Promise<Reevaluated> {
  const evaluate = evaluator(tx, today);
  const out: Reevaluated = { raised: 0, refreshed: 0 };
  for (const year of await claimYearsFrom(tx, prefix, from)) {
    const r = await evaluateScope(tx, { year, prefix }, today, evaluate);
    out.raised += r.raised;
    out.refreshed += r.refreshed;
  }
  return out;
}
