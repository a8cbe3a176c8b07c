import Decimal from "decimal.js";
import { Money } from "./money";

/** Why a value is not an amount, for messages built from a code rather than from `reason`'s words. */
export type AmountProblem = "notNumber" | "notPlain" | "notAmount" | "decimals" | "notDecimal" | "negative";
export type AmountResult = { ok: true; value: Decimal } | { ok: false; reason: string; problem: AmountProblem; shown: string };

const fail = (problem: AmountProblem, shown: string, words: string): AmountResult => ({ ok: false, reason: `${shown} ${words}`, problem, shown });

const AMOUNT = /^-?\d+(\.\d{1,2})?$/;

/**
 * Parses money as the CLI/API contract allows it: a decimal string or a JSON
 * number with at most two decimals. Reasons are English fragments for the
 * contract's one-line errors (`"-5" is negative`); UIs map them to Chinese.
 */
/** A non-amount as the contract prints it; one nested too deep for JSON.stringify (a fuzzed body) is named, not printed — its RangeError was a 500. */
function shownValue(input: unknown): string {
  try {
    return JSON.stringify(input) ?? String(input);
  } catch {
    return Array.isArray(input) ? "[…]" : "{…}";
  }
}

export function parseAmount(input: unknown, opts: { allowNegative?: boolean } = {}): AmountResult {
  let text: string;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return fail("notNumber", String(input), "is not a number");
    text = String(input);
    // A JS number like 1e21 or 0.1+0.2 noise: refuse exponent forms outright.
    if (/e/i.test(text)) return fail("notPlain", text, "is not a plain decimal");
  } else if (typeof input === "string") {
    text = input.trim();
  } else {
    return fail("notAmount", shownValue(input), "is not an amount");
  }
  const shown = typeof input === "string" ? JSON.stringify(input) : text;
  if (!AMOUNT.test(text)) {
    if (/^-?\d+\.\d{3,}$/.test(text)) return fail("decimals", shown, "has more than two decimals");
    return fail("notDecimal", shown, "is not a decimal amount");
  }
  const value = new Money(text);
  if (value.isNegative() && !opts.allowNegative) return fail("negative", shown, "is negative");
  return { ok: true, value };
}
