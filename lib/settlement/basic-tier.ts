import { mulBp, type Cents } from "./cents";
import type { PersonPlan } from "./compile-policy";
import * as codes from "./trace-log";
import type { ClaimInput } from "./types";
import type { YearState } from "./year-state";

// Module-local copies of the trace codes: an imported binding is read through a
// getter on every use under CommonJS interop (tsx, the CLI); a local const is free.
const { BASIC, BASIC_GIVEN } = codes;

// 基本医保: taken as settled when the claim carries basicPaid; otherwise the
// policy's configurable (defaulted) deductible / ratio-by-level / cap.
// Trace lines go to `log` compactly (trace-log.ts; rendered by render-trace.ts).

export function settleBasic(plan: PersonPlan, state: YearState, claim: ClaimInput, scope: Cents, log: number[]): Cents {
  if (claim.basicPaid !== undefined) {
    state.basicPaid += claim.basicPaid;
    if (claim.basicPaid > 0) log.push(BASIC_GIVEN, scope, claim.basicPaid);
    return claim.basicPaid;
  }
  if (claim.specialFood !== undefined || scope === 0) return 0;
  const b = plan.basic;
  const deductible = Math.min(scope, Math.max(0, b.deductible - state.basicDeductibleUsed));
  state.basicDeductibleUsed += deductible;
  const level = claim.hospitalLevel ?? 1;
  const bp = (claim.setting === "inpatient" ? b.inpatient : b.outpatient)[level - 1] ?? 0;
  const raw = mulBp(scope - deductible, bp);
  const room = b.cap === null ? raw : Math.max(0, b.cap - state.basicPaid);
  const amount = Math.min(raw, room, scope);
  state.basicPaid += amount;
  log.push(BASIC, scope, deductible, amount, amount < raw ? 1 : 0);
  return amount;
}
