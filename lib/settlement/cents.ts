import type Decimal from "decimal.js";
import { Money, toCent } from "@/lib/money/money";

// The engine counts money in integer fen (分) held in JS numbers, and ratios in
// basis points (万分之一, so 65 % = 6500). Every operation below is exact on
// safe integers and rounds half-up to the cent exactly as lib/money does;
// cents.test.ts checks each one against decimal.js on random inputs. Integer
// fen is ~50× faster than Decimal objects per claim, which is what lets one
// engine serve both the clerk's single settlement and the 1,000,000-claim batch.

/** An amount in fen (分): a non-negative safe integer in every engine path. */
export type Cents = number;
/** A ratio in basis points: 6500 = 65 %, 20000 = ×2. */
export type BasisPoints = number;

export const BP_ONE = 10_000;

/** Largest amount a single input field may hold: 100,000,000.00 元. */
export const MAX_INPUT_CENTS = 10_000_000_000;

/** Half-up rounding of `num / 10000` for a non-negative integer `num` < 2^53. */
function divBpHalfUp(num: number): number {
  return Math.floor((num + 5_000) / BP_ONE);
}

/**
 * cents × bp / 10000, half-up to the cent. Splitting `cents` at 10000 keeps
 * every intermediate product far below 2^53 for any safe amount.
 */
export function mulBp(cents: Cents, bp: BasisPoints): Cents {
  const high = Math.floor(cents / BP_ONE);
  const low = cents - high * BP_ONE;
  return high * bp + divBpHalfUp(low * bp);
}

/**
 * Σ cents_i × bp_i / 10000 rounded once (half-up): a segmented tier is still
 * "rounded once per tier per claim" (docs/policy.md §4).
 */
export function mulBpSum(parts: readonly (readonly [Cents, BasisPoints])[]): Cents {
  let high = 0;
  let low = 0;
  for (const [cents, bp] of parts) {
    const h = Math.floor(cents / BP_ONE);
    high += h * bp;
    low += (cents - h * BP_ONE) * bp;
  }
  return high + divBpHalfUp(low);
}

/** A Decimal amount (yuan) to fen; the caller guarantees at most 2 decimals. */
export function decimalToCents(value: Decimal): Cents {
  return toCent(value).times(100).toNumber();
}

/**
 * A yuan string such as "11000" or "0.5" (≤ 2 decimals) to fen. The
 * database's and the engine's two-decimal form ("1234.50", "-0.01") is read
 * digit by digit, without a Decimal or a regex (the hot path of a county's
 * ledger: 政策测算 reads millions); anything else goes through decimal.js.
 */
export function yuanToCents(value: string): Cents {
  const n = value.length;
  const negative = value.charCodeAt(0) === 45; // "-"
  const first = negative ? 1 : 0;
  // Digits, ".", two digits; at most 15 digits, so the integer stays exact.
  if (n >= first + 4 && n - first <= 16 && value.charCodeAt(n - 3) === 46) {
    let fen = 0;
    for (let i = first; i < n; i++) {
      if (i === n - 3) continue;
      const d = value.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return decimalToCents(new Money(value));
      fen = fen * 10 + d;
    }
    return negative ? -fen : fen;
  }
  return decimalToCents(new Money(value));
}

/** Percent text ("65", "62.5") to basis points (6500, 6250). */
export function percentToBp(percent: string): BasisPoints {
  return new Money(percent).times(100).toDecimalPlaces(0).toNumber();
}

const PAD = ["00", "01", "02", "03", "04", "05", "06", "07", "08", "09"];

/** The wire format of the contract ("11200.00"), identical to formatAmount. */
export function formatCents(cents: Cents): string {
  const negative = cents < 0;
  const abs = negative ? -cents : cents;
  const yuan = Math.floor(abs / 100);
  const fen = abs - yuan * 100;
  const text = `${yuan}.${fen < 10 ? PAD[fen] : fen}`;
  return negative ? `-${text}` : text;
}

/** Basis points as a percent label: 6500 → "65%", 6250 → "62.5%". */
export function formatBp(bp: BasisPoints): string {
  const whole = Math.floor(bp / 100);
  const rest = bp - whole * 100;
  if (rest === 0) return `${whole}%`;
  return `${whole}.${rest % 10 === 0 ? rest / 10 : rest < 10 ? `0${rest}` : rest}%`;
}
