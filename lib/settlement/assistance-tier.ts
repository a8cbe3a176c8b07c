import { formatBp, formatCents, mulBp, type Cents } from "./cents";
import type { CompiledAssistanceRule } from "./compile-assistance";
import type { PersonPlan } from "./compile-policy";
import { traceEntry } from "./trace";
import type { ClaimInput, TraceEntry } from "./types";
import { bindingPool, chargePool, poolRoom, type YearState } from "./year-state";

// 医疗救助 on the policy-scope cost left after basic and critical illness. The
// claim takes the first rule whose conditions it meets; when a rule fits the
// person, disease and setting but a condition fails (level, stay cost,
// referral), the trace says which — "why no assistance?" is the clerk's
// most common question.

type Match = { rule: CompiledAssistanceRule | null; refusal: string | null };

function match(plan: PersonPlan, claim: ClaimInput, scope: Cents): Match {
  let refusal: string | null = null;
  const special = claim.specialDisease === true;
  const application = claim.onApplication === true;
  for (const r of plan.assistance) {
    if (r.disease === "special" ? !special : r.disease === "other" && special) continue;
    if (!(claim.setting === "inpatient" ? r.inpatient : r.outpatient)) continue;
    if (r.trigger === "application" ? !application : r.trigger === "settlement" && application) continue;
    let failed: string | null = null;
    if (r.referredRequired && claim.referred === false) failed = r.refuse.referred;
    else if (r.inCityRequired && claim.inCity === false) failed = r.refuse.inCity;
    else if ((claim.hospitalLevel ?? 1) < r.minLevel) failed = r.refuse.level;
    else if (r.stayAbove >= 0 && scope <= r.stayAbove) failed = r.refuse.stay;
    if (failed === null) return { rule: r, refusal: null };
    refusal ??= failed;
  }
  return { rule: null, refusal };
}

function noRuleReason(plan: PersonPlan, claim: ClaimInput): string {
  if (plan.noAssistanceReason) return plan.noAssistanceReason;
  if (claim.onApplication === true) return `本政策对${plan.categoryName}的依申请救助无适用规则，不予救助`;
  const disease = claim.specialDisease === true ? "特殊疾病" : "非特殊疾病";
  return `本政策对${plan.categoryName}的${disease}${claim.setting === "inpatient" ? "住院" : "门诊"}无适用的医疗救助规则，不予救助`;
}

export function settleAssistance(
  plan: PersonPlan,
  state: YearState,
  claim: ClaimInput,
  scope: Cents,
  base: Cents,
  trace: TraceEntry[],
): Cents {
  if (base === 0) return 0;
  const { rule: r, refusal } = match(plan, claim, scope);
  if (!r) {
    trace.push(traceEntry("assistance", refusal ?? noRuleReason(plan, claim), base, 0));
    return 0;
  }
  let deductible = 0;
  if (r.deductibleKind !== "none") {
    const key = r.deductibleKind === "perYear" ? r.id : `${r.id}\u0000${claim.applicationId ?? claim.id}`;
    const used = state.ruleDeductibles.get(key) ?? 0;
    deductible = Math.min(base, Math.max(0, r.deductible - used));
    state.ruleDeductibles.set(key, used + deductible);
  }
  const raw = mulBp(base - deductible, r.bp);
  const pool = bindingPool(state, r.pool);
  const room = Math.max(0, poolRoom(state, pool.index, pool.limit));
  const amount = Math.min(raw, room, base);
  chargePool(state, r.pool, amount, `a:${r.id}`);
  const capped = amount < raw && pool.limit !== null;
  const rule = capped ? `${r.label}；${pool.name} ${formatCents(pool.limit!)} 元，本年此前已付 ${formatCents(pool.limit! - room)} 元` : r.label;
  const entry = traceEntry("assistance", rule, base, amount, { deductible, ratio: formatBp(r.bp), limit: capped ? pool.limit : null });
  trace.push(entry);
  return amount;
}
