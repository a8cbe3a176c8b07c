import { formatBp, formatCents, mulBp, type Cents } from "./cents";
import type { PersonPlan } from "./compile-policy";
import type { CompiledTilted } from "./compile-tilted";
import { traceEntry } from "./trace";
import type { ClaimInput, TraceEntry } from "./types";
import { bindingPool, chargePool, poolRoom, type YearState } from "./year-state";

// 倾斜救助 (per visit, 001 §二(三)3) and 再救助 (annual, 004 §二(二)3 四) on the
// policy-scope cost the person still bears after the three tiers.

function reached(t: CompiledTilted, amount: Cents): boolean {
  return t.inclusive ? amount >= t.threshold : amount > t.threshold;
}

/** The part of a running total (before → after) that counts toward the base. */
function counted(t: CompiledTilted, total: Cents): Cents {
  if (!reached(t, total)) return 0;
  return t.wholeBase ? total : total - t.threshold;
}

function refusal(t: CompiledTilted, claim: ClaimInput): string | null {
  if (!(claim.setting === "inpatient" ? t.inpatient : t.outpatient)) return `${t.name}只适用于${t.inpatient ? "住院" : "门诊"}（${t.ref}）`;
  if (t.referredRequired && claim.referred === false) return `未按规定转诊，不予${t.name}（${t.referralRef}）`;
  if (t.inCityRequired && claim.inCity === false) return `非市内就医，不予${t.name}（${t.referralRef}）`;
  return null;
}

export function settleTilted(plan: PersonPlan, state: YearState, claim: ClaimInput, selfPaid: Cents, trace: TraceEntry[]): Cents {
  let total = 0;
  let left = selfPaid;
  for (const t of plan.tilted) {
    if (claim.specialFood !== undefined) break;
    const refused = refusal(t, claim);
    if (refused !== null) {
      if (left > 0) trace.push(traceEntry("tilted", refused, left, 0));
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
      if (left > 0) {
        const what = t.annual ? `年度累计自付 ${formatCents(figure)} 元` : `本次自付 ${formatCents(left)} 元`;
        const why = reached(t, figure)
          ? `${what}，超过起付标准 ${formatCents(t.threshold)} 元的部分为 0`
          : `${what}未${t.inclusive ? "达到" : "超过"}起付标准 ${formatCents(t.threshold)} 元`;
        trace.push(traceEntry("tilted", `${t.label}；${why}`, 0, 0));
      }
      continue;
    }
    const raw = mulBp(base, t.bp);
    const pool = bindingPool(state, t.pool);
    const room = Math.max(0, poolRoom(state, pool.index, pool.limit));
    const amount = Math.min(raw, room, left);
    chargePool(state, t.pool, amount, `t:${t.id}`);
    const capped = amount < raw && pool.limit !== null;
    let rule = t.annual ? `${t.label}；年度累计自付 ${formatCents(figure)} 元` : t.label;
    if (capped) rule += `；${pool.name} ${formatCents(pool.limit!)} 元，本年此前已付 ${formatCents(pool.limit! - room)} 元`;
    const entry = traceEntry("tilted", rule, base, amount, { ratio: formatBp(t.bp), limit: capped ? pool.limit : null });
    trace.push(entry);
    total += amount;
    left -= amount;
  }
  return total;
}
