import { formatBp, mulBp, type Cents } from "./cents";
import { traceEntry } from "./trace";
import type { PersonPlan } from "./compile-policy";
import type { ClaimInput, TraceEntry } from "./types";
import type { YearState } from "./year-state";

// 基本医保: taken as settled when the claim carries basicPaid; otherwise the
// policy's configurable (defaulted) deductible / ratio-by-level / cap.

const LEVELS = ["", "一级", "二级", "三级"];

export function settleBasic(plan: PersonPlan, state: YearState, claim: ClaimInput, scope: Cents, trace: TraceEntry[]): Cents {
  if (claim.basicPaid !== undefined) {
    state.basicPaid += claim.basicPaid;
    if (claim.basicPaid > 0) {
      trace.push(traceEntry("basic", "医院已结算的基本医保金额（按结算单）", scope, claim.basicPaid));
    }
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
  const rule = `按政策参数计算：${LEVELS[level]}医院${claim.setting === "inpatient" ? "住院" : "门诊"} ${formatBp(bp)}（${b.paragraph}，默认参数）`;
  const entry = traceEntry("basic", rule, scope, amount, { deductible, ratio: formatBp(bp), limit: amount < raw ? b.cap : null });
  trace.push(entry);
  return amount;
}
