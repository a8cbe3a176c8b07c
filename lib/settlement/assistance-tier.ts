import { mulBp, type Cents } from "./cents";
import type { CompiledAssistanceRule } from "./compile-assistance";
import type { PersonPlan } from "./compile-policy";
import * as codes from "./trace-log";
import type { ClaimInput, SettleClaimsInput } from "./types";
import { bindingPool, chargePool, poolRoom, type YearState } from "./year-state";

// Module-local copies of the trace codes: an imported binding is read through a
// getter on every use under CommonJS interop (tsx, the CLI); a local const is free.
const { ASSISTANCE, ASSISTANCE_NONE } = codes;

type SettleParameters = SettleClaimsInput["parameters"];

// 医疗救助 on the policy-scope cost left after basic and critical illness. The
// claim takes the first rule whose conditions it meets; when a rule fits the
// person, disease and setting but a condition fails (level, stay cost,
// referral), the trace says which — "why no assistance?" is the clerk's
// most common question (the words: render-trace.ts, from `assistanceMatch`).

/**
 * The index in plan.assistance of the rule the claim takes, or −1; with −1,
 * `refusal` is the first failed condition of a rule that otherwise fits.
 */
export function assistanceMatch(plan: PersonPlan, claim: ClaimInput, scope: Cents): { index: number; refusal: string | null } {
  let refusal: string | null = null;
  const index = matchIndex(plan, claim, scope, (failed) => (refusal ??= failed));
  return { index, refusal };
}

function matchIndex(plan: PersonPlan, claim: ClaimInput, scope: Cents, refused: ((why: string) => void) | null): number {
  const special = claim.specialDisease === true;
  const application = claim.onApplication === true;
  const rules = plan.assistance;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    if (r.disease === "special" ? !special : r.disease === "other" && special) continue;
    if (!(claim.setting === "inpatient" ? r.inpatient : r.outpatient)) continue;
    if (r.trigger === "application" ? !application : r.trigger === "settlement" && application) continue;
    let failed: string | null = null;
    if (r.referredRequired && claim.referred === false) failed = r.refuse.referred;
    else if (r.inCityRequired && claim.inCity === false) failed = r.refuse.inCity;
    else if ((claim.hospitalLevel ?? 1) < r.minLevel) failed = r.refuse.level;
    else if (r.stayAbove >= 0 && scope <= r.stayAbove) failed = r.refuse.stay;
    if (failed === null) return i;
    if (refused !== null) refused(failed);
  }
  return -1;
}

/**
 * A rule's full deductible in the state's year: fixed, or a share of a yearly
 * parameter — the request's own value when it gives one (every year, as the
 * critical-illness deductible does), else the policy's value for the year,
 * resolved when compiled (compile-assistance.ts). mulBp rounds half-up to the
 * fen, as shareOfYuan does for the compiled values.
 */
function fullDeductible(r: CompiledAssistanceRule, year: number, parameters: SettleParameters | undefined): Cents {
  if (r.byYear === null) return r.deductible;
  const given = r.shareOf === null ? undefined : parameters?.[r.shareOf.parameter];
  return given !== undefined ? mulBp(given, r.shareOf!.bp) : (r.byYear.get(year) ?? 0);
}

export function settleAssistance(
  plan: PersonPlan,
  state: YearState,
  claim: ClaimInput,
  scope: Cents,
  base: Cents,
  log: number[],
  parameters: SettleParameters | undefined,
): Cents {
  if (base === 0) return 0;
  const index = matchIndex(plan, claim, scope, null);
  if (index < 0) {
    log.push(ASSISTANCE_NONE, base);
    return 0;
  }
  const r = plan.assistance[index]!;
  let deductible = 0;
  if (r.deductibleKind !== "none") {
    const key = r.deductibleKind === "perYear" ? r.id : `${r.id}\u0000${claim.applicationId ?? claim.id}`;
    const used = state.ruleDeductibles.get(key) ?? 0;
    const full = fullDeductible(r, state.year, parameters);
    deductible = Math.min(base, Math.max(0, full - used));
    state.ruleDeductibles.set(key, used + deductible);
  }
  const raw = mulBp(base - deductible, r.bp);
  const pool = bindingPool(state, r.pool);
  const room = Math.max(0, poolRoom(state, pool.index, pool.limit));
  const amount = Math.min(raw, room, base);
  chargePool(state, r.pool, amount, plan.assistanceKeys[index]!);
  const capped = amount < raw && pool.limit !== null;
  log.push(ASSISTANCE, index, base, deductible, amount, capped ? 1 : 0, pool.index, capped ? room : 0);
  return amount;
}
