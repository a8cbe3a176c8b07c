import { formatBp, formatCents, mulBp, mulBpSum, type BasisPoints, type Cents } from "./cents";
import type { PersonPlan } from "./compile-policy";
import { resolveCriticalDeductible, type CompiledGeneralCritical } from "./compile-critical";
import { traceEntry } from "./trace";
import type { ClaimInput, TraceEntry, TraceSegment } from "./types";
import type { YearState } from "./year-state";

// 大病保险 on the policy-scope cost left after basic insurance, accumulated over
// the year: this claim pays for the part of [accumulated before, accumulated
// after] that lies above the deductible, split by segment (004's segments are
// on the accumulated base, so a claim straddling 100000 pays two ratios).

export function settleCritical(
  plan: PersonPlan,
  state: YearState,
  claim: ClaimInput,
  base: Cents,
  parameter: Cents | undefined,
  trace: TraceEntry[],
): Cents {
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
    if (claim.criticalPaid > 0) {
      trace.push(traceEntry("critical", "医院已结算的大病保险金额（按结算单）", base, claim.criticalPaid));
    }
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
    trace.push(entryOf(drug.label, base, deductible, formatBp(drug.bp), undefined, amount, raw, drug.cap));
    return amount;
  }
  if (!general) return 0;
  if (state.criticalDeductible < 0) state.criticalDeductible = resolveCriticalDeductible(general, parameter);
  return settleGeneral(general, state, base, trace);
}

function settleGeneral(g: CompiledGeneralCritical, state: YearState, base: Cents, trace: TraceEntry[]): Cents {
  const d = state.criticalDeductible;
  const before = state.criticalBase;
  const after = before + base;
  state.criticalBase = after;
  const deductible = Math.min(after, d) - Math.min(before, d);
  const from = Math.max(before, d);
  const to = Math.max(after, d);
  const parts: [Cents, BasisPoints][] = [];
  const segments: TraceSegment[] = [];
  let lower = 0;
  for (const s of g.segments) {
    const start = Math.max(from, lower);
    const end = Math.min(to, s.upTo);
    if (end > start) {
      parts.push([end - start, s.bp]);
      segments.push({ range: s.range, base: formatCents(end - start), ratio: formatBp(s.bp) });
    }
    lower = s.upTo;
    if (lower >= to) break;
  }
  const raw = parts.length === 1 ? mulBp(parts[0]![0], parts[0]![1]) : mulBpSum(parts);
  const room = g.cap === null ? raw : Math.max(0, g.cap - state.criticalPaid);
  const amount = Math.min(raw, room, base);
  state.criticalPaid += amount;
  if (amount === 0 && deductible === 0) return 0;
  const single = segments.length === 1 ? segments[0]!.ratio : undefined;
  const split = g.segments.length > 1 && segments.length > 0 ? segments : undefined;
  const entry = entryOf(g.label, base, deductible, single, split, amount, raw, g.cap);
  if (g.deductible.kind === "share" && amount > 0) entry.rule += `；本年起付线 ${formatCents(d)} 元`;
  if (amount === 0) entry.rule += `；年度累计 ${formatCents(after)} 元未超过起付线 ${formatCents(d)} 元`;
  trace.push(entry);
  return amount;
}

function entryOf(
  rule: string,
  base: Cents,
  deductible: Cents,
  ratio: string | undefined,
  segments: TraceSegment[] | undefined,
  amount: Cents,
  raw: Cents,
  cap: Cents | null,
): TraceEntry {
  return traceEntry("critical", rule, base, amount, { deductible, ratio, segments, limit: amount < raw ? cap : null });
}
