import { formatBp, formatCents, mulBp, type Cents } from "./cents";
import type { PersonPlan } from "./compile-policy";
import { traceEntry } from "./trace";
import type { ClaimInput, TraceEntry } from "./types";
import type { YearState } from "./year-state";

// PKU special treatment food (004 §二(二)3 五), paid as assistance. The age
// band is fixed by the person's completed years on the claim date ("18 岁及以下"
// includes the whole 18th year); one annual amount is shared by both bands,
// each band capping the year's total at its own limit.

/** Completed years of age on `date` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export function settleFood(plan: PersonPlan, state: YearState, claim: ClaimInput, base: Cents, birthDate: string | undefined, trace: TraceEntry[]): Cents {
  const food = plan.food;
  if (!food || base === 0) {
    if (base > 0) trace.push(traceEntry("assistance", `本政策对${plan.categoryName}未配置特殊食品救助`, base, 0));
    return 0;
  }
  if (birthDate === undefined) throw new Error(`claim ${claim.id}: PKU food needs the person's birthDate`);
  const age = ageOn(birthDate, claim.date);
  const band = food.bands.find((b) => age <= b.maxAge);
  if (!band) return 0;
  const raw = mulBp(base, band.bp);
  const room = Math.max(0, band.limit - state.foodPaid);
  const amount = Math.min(raw, room, base);
  state.foodPaid += amount;
  const capped = amount < raw;
  const rule = `${band.label}；就医时 ${age} 周岁${capped ? `；本年此前已付 ${formatCents(state.foodPaid - amount)} 元` : ""}`;
  const entry = traceEntry("assistance", rule, base, amount, { ratio: formatBp(band.bp), limit: capped ? band.limit : null });
  trace.push(entry);
  return amount;
}
