import type { Cents } from "./cents";
import type { CompiledPolicy } from "./compile-policy";
import { chargePool, newYearState, type YearState } from "./year-state";

// A policy version that takes effect mid-year does not start the year again
// (docs/policy.md §4, "一个年度内换版"): the deductibles met, the critical-illness
// segment position and the limits used so far carry into the new version.
// What maps how:
// - sums that belong to the person's year (basic and critical bases and
//   payments, special drugs and food, self-paid, out-of-scope) carry as they are;
//   the new version's own deductible is applied to the carried base;
// - an assistance rule's deductible carries to the new rule with the same id;
// - an annual tilted rule's accumulated base carries to the same-id rule;
// - limit use carries by the rule that paid it: to the pool the same-id rule
//   pays from in the new version, else to the pool with the old pool's id
//   (a renamed rule keeps its pool); use with no counterpart limits nothing in
//   the new version and stays on record for a later one.

const scalars = [
  "basicDeductibleUsed",
  "basicPaid",
  "criticalBase",
  "criticalPaid",
  "drugBase",
  "drugPaid",
  "foodPaid",
  "selfPaid",
  "afterBasicAndCritical",
  "outOfScope",
] as const;

function targetPool(to: CompiledPolicy, key: string, poolId: string): string {
  const [kind, id] = [key.slice(0, 1), key.slice(2)];
  const record = to.record;
  const byRule =
    kind === "a" ? record.assistance.rules.find((r) => r.id === id)?.pool : kind === "t" ? record.tiltedAssistance.find((r) => r.id === id)?.pool : id;
  return byRule ?? poolId;
}

/** The year so far under `from`, continued under `to`. */
export function carryYear(prev: YearState, from: CompiledPolicy, to: CompiledPolicy, criticalParameter: Cents | undefined): YearState {
  const next = newYearState(prev.year, to.pools.length, to.record.tiltedAssistance.length, criticalParameter);
  for (const name of scalars) next[name] = prev[name];
  for (const [key, used] of prev.ruleDeductibles) next.ruleDeductibles.set(key, used);
  from.record.tiltedAssistance.forEach((rule, i) => {
    const j = to.record.tiltedAssistance.findIndex((r) => r.id === rule.id);
    if (j >= 0) next.tiltedBase[j] = prev.tiltedBase[i] ?? 0;
  });
  for (const [key, { pool, amount }] of prev.paid) {
    const target = to.pools.find((p) => p.id === targetPool(to, key, pool));
    if (target) chargePool(next, target, amount, key);
    else next.paid.set(key, { pool, amount });
  }
  return next;
}
