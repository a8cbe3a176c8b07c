import { mulBp, type Cents } from "./cents";
import type { PersonPlan } from "./compile-policy";
import type { CompiledTilted } from "./compile-tilted";
import * as codes from "./trace-log";
import type { ClaimInput } from "./types";
import { bindingPool, chargePool, poolRoom, type YearState } from "./year-state";

// Module-local copies of the trace codes: an imported binding is read through a
// getter on every use under CommonJS interop (tsx, the CLI); a local const is free.
const { TILTED, TILTED_REFUSED, TILTED_ZERO } = codes;

// 倾斜救助 (per visit, 001 §二(三)3) and 再救助 (annual, 004 §二(二)3 四) on the
// policy-scope cost the person still bears after the three tiers.

export function reached(t: CompiledTilted, amount: Cents): boolean {
  return t.inclusive ? amount >= t.threshold : amount > t.threshold;
}

/** The part of a running total (before → after) that counts toward the base. */
function counted(t: CompiledTilted, total: Cents): Cents {
  if (!reached(t, total)) return 0;
  return t.wholeBase ? total : total - t.threshold;
}

/** Why the rule does not apply to this claim (setting, referral, city), or null. */
export function tiltedRefusal(t: CompiledTilted, claim: ClaimInput): string | null {
  if (!(claim.setting === "inpatient" ? t.inpatient : t.outpatient)) return `${t.name}只适用于${t.inpatient ? "住院" : "门诊"}（${t.ref}）`;
  if (t.referredRequired && claim.referred === false) return `未按规定转诊，不予${t.name}（${t.referralRef}）`;
  if (t.inCityRequired && claim.inCity === false) return `非市内就医，不予${t.name}（${t.referralRef}）`;
  return null;
}

function refused(t: CompiledTilted, claim: ClaimInput): boolean {
  return !(claim.setting === "inpatient" ? t.inpatient : t.outpatient) || (t.referredRequired && claim.referred === false) || (t.inCityRequired && claim.inCity === false);
}

export function settleTilted(plan: PersonPlan, state: YearState, claim: ClaimInput, selfPaid: Cents, log: number[]): Cents {
  let total = 0;
  let left = selfPaid;
  const rules = plan.tilted;
  for (let i = 0; i < rules.length; i++) {
    const t = rules[i]!;
    if (claim.specialFood !== undefined) break;
    if (refused(t, claim)) {
      if (left > 0) log.push(TILTED_REFUSED, i, left);
      continue;
    }
    let base: Cents;
    let figure: Cents;
    if (t.annual) {
      const before = state.tiltedBase[t.index] ?? 0;
      figure = before + left;
      state.tiltedBase[t.index] = figure;
      base = counted(t, figure) - counted(t, before);
    } else {
      figure = left;
      base = counted(t, left);
    }
    if (base <= 0) {
      if (left > 0) log.push(TILTED_ZERO, i, figure, left);
      continue;
    }
    const raw = mulBp(base, t.bp);
    const pool = bindingPool(state, t.pool);
    const room = Math.max(0, poolRoom(state, pool.index, pool.limit));
    const amount = Math.min(raw, room, left);
    chargePool(state, t.pool, amount, plan.tiltedKeys[i]!);
    const capped = amount < raw && pool.limit !== null;
    log.push(TILTED, i, base, amount, capped ? 1 : 0, pool.index, capped ? room : 0, figure);
    total += amount;
    left -= amount;
  }
  return total;
}
