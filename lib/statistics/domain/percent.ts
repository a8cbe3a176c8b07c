import Decimal from "decimal.js";

// Exact arithmetic for the dashboard (pure): money arrives from SQL as numeric
// strings and is added with decimal.js, a percentage is part ÷ whole × 100
// rounded half-up to two places, null when the whole is 0. Never a JS float.

export function percentOf(part: Decimal.Value, whole: Decimal.Value): string | null {
  const w = new Decimal(whole);
  if (w.isZero()) return null;
  return new Decimal(part).times(100).dividedBy(w).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** Sum of money strings as a two-decimal string ("0.00" for none). */
export function sumMoney(values: Iterable<Decimal.Value>): string {
  let total = new Decimal(0);
  for (const v of values) total = total.plus(v);
  return total.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** Two-decimal form of a money value ("12.5" → "12.50"). */
export function money2(value: Decimal.Value): string {
  return new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}
