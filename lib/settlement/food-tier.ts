import { mulBp, type Cents } from "./cents";
import type { PersonPlan } from "./compile-policy";
import * as codes from "./trace-log";
import type { ClaimInput } from "./types";
import type { YearState } from "./year-state";

// Module-local copies of the trace codes: an imported binding is read through a
// getter on every use under CommonJS interop (tsx, the CLI); a local const is free.
const { FOOD, FOOD_NONE } = codes;

// PKU special treatment food (004 §二(二)3 五), paid as assistance. The age
// band is fixed by the person's completed years on the claim date ("18 岁及以下"
// includes the whole 18th year); one annual amount is shared by both bands,
// each band capping the year's total at its own limit.

/** Completed years of age on `date` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export function settleFood(plan: PersonPlan, state: YearState, claim: ClaimInput, base: Cents, birthDate: string | undefined, log: number[]): Cents {
  const food = plan.food;
  if (!food || base === 0) {
    if (base > 0) log.push(FOOD_NONE, base);
    return 0;
  }
  if (birthDate === undefined) throw new Error(`claim ${claim.id}: PKU food needs the person's birthDate`);
  const age = ageOn(birthDate, claim.date);
  const bandIndex = food.bands.findIndex((b) => age <= b.maxAge);
  if (bandIndex < 0) return 0;
  const band = food.bands[bandIndex]!;
  const raw = mulBp(base, band.bp);
  const room = Math.max(0, band.limit - state.foodPaid);
  const amount = Math.min(raw, room, base);
  const before = state.foodPaid;
  state.foodPaid += amount;
  log.push(FOOD, bandIndex, age, base, amount, amount < raw ? 1 : 0, before);
  return amount;
}
