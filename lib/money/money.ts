import Decimal from "decimal.js";

// One Decimal configuration for every money path: 40 significant digits is far
// beyond any yuan amount we hold (numeric(14,2)), and ROUND_HALF_UP is the
// rounding the policies use (四舍五入到分).
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = Decimal;

export const ZERO = new Money(0);

/** Accepts a decimal string or a finite number; throws on anything else. */
export function money(value: string | number | Decimal): Decimal {
  if (value instanceof Decimal) return new Money(value);
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return new Money(value);
}

/** Half-up to the cent (分). */
export function toCent(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** The wire format: a decimal string with exactly two places, e.g. "11200.00". */
export function formatAmount(value: Decimal): string {
  return toCent(value).toFixed(2);
}

/** Display format for people: ¥1,234.56 (negative as -¥1,234.56). */
export function formatYuan(value: Decimal | string): string {
  const d = toCent(value instanceof Decimal ? value : new Money(value));
  const [int, frac] = d.abs().toFixed(2).split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${d.isNegative() ? "-" : ""}¥${grouped}.${frac}`;
}

export function minDecimal(...values: Decimal[]): Decimal {
  return Money.min(...values);
}

export function maxDecimal(...values: Decimal[]): Decimal {
  return Money.max(...values);
}
