import { BP_ONE, mulBp, type Cents } from "./cents";
import type { PersonPlan } from "./compile-policy";
import { resolveCriticalDeductible, type CompiledGeneralCritical } from "./compile-critical";
import * as codes from "./trace-log";
import type { ClaimInput } from "./types";
import type { YearState } from "./year-state";

// Module-local copies of the trace codes: an imported binding is read through a
// getter on every use under CommonJS interop (tsx, the CLI); a local const is free.
const { CRITICAL, CRITICAL_DRUG, CRITICAL_GIVEN } = codes;

// 大病保险 on the policy-scope cost left after basic insurance, accumulated over
// the year: this claim pays for the part of [accumulated before, accumulated
// after] that lies above the deductible, split by segment (004's segments are
// on the accumulated base, so a claim straddling 100000 pays two ratios).

export function settleCritical(plan: PersonPlan, state: YearState, claim: ClaimInput, base: Cents, parameter: Cents | undefined, log: number[]): Cents {
  const c = plan.critical;
  const covered = c !== null && (claim.setting === "inpatient" ? c.inpatient : c.outpatient) && claim.specialFood === undefined;
  const drug = covered && claim.specialDrug === true ? c.drug : null;
  const general = covered && claim.specialDrug !== true ? c.general : null;

  if (claim.criticalPaid !== undefined) {
    // Taken as settled; the accumulators still move so later computed claims
    // start from the right position and cap room.
    if (drug) {
      state.drugBase += base;
      state.drugPaid += claim.criticalPaid;
    } else if (general) {
      state.criticalBase += base;
      state.criticalPaid += claim.criticalPaid;
    }
    if (claim.criticalPaid > 0) log.push(CRITICAL_GIVEN, base, claim.criticalPaid);
    return claim.criticalPaid;
  }
  if (base === 0) return 0;
  if (drug) {
    const before = state.drugBase;
    state.drugBase += base;
    const deductible = Math.min(base, Math.max(0, drug.deductible - before));
    const raw = mulBp(base - deductible, drug.bp);
    const amount = Math.min(raw, drug.cap === null ? raw : Math.max(0, drug.cap - state.drugPaid), base);
    state.drugPaid += amount;
    log.push(CRITICAL_DRUG, base, deductible, amount, amount < raw ? 1 : 0);
    return amount;
  }
  if (!general) return 0;
  if (state.criticalDeductible < 0) state.criticalDeductible = resolveCriticalDeductible(general, parameter);
  return settleGeneral(general, state, base, log);
}

function settleGeneral(g: CompiledGeneralCritical, state: YearState, base: Cents, log: number[]): Cents {
  const d = state.criticalDeductible;
  const before = state.criticalBase;
  const after = before + base;
  state.criticalBase = after;
  const deductible = Math.min(after, d) - Math.min(before, d);
  const from = Math.max(before, d);
  const to = Math.max(after, d);
  // Σ part × ratio rounded once (mulBpSum without the array): high and low halves of each part.
  let high = 0;
  let low = 0;
  let lower = 0;
  for (const s of g.segments) {
    const start = Math.max(from, lower);
    const end = Math.min(to, s.upTo);
    if (end > start) {
      const part = end - start;
      const h = Math.floor(part / BP_ONE);
      high += h * s.bp;
      low += (part - h * BP_ONE) * s.bp;
    }
    lower = s.upTo;
    if (lower >= to) break;
  }
  const raw = high + Math.floor((low + 5_000) / BP_ONE);
  const room = g.cap === null ? raw : Math.max(0, g.cap - state.criticalPaid);
  const amount = Math.min(raw, room, base);
  state.criticalPaid += amount;
  if (amount === 0 && deductible === 0) return 0;
  log.push(CRITICAL, base, before, d, amount, amount < raw ? 1 : 0);
  return amount;
}
