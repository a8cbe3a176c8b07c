import { describe, expect, it } from "vitest";
import { formatAmount, formatYuan, money, toCent } from "./money";
import { parseAmount } from "./parse-amount";

describe("money", () => {
  it("rounds half-up to the cent, including the .xx5 cases floats get wrong", () => {
    expect(formatAmount(money("1.005"))).toBe("1.01");
    expect(formatAmount(money("2.675"))).toBe("2.68");
    expect(formatAmount(money("-1.005"))).toBe("-1.01");
    expect(toCent(money("0.004")).toFixed(2)).toBe("0.00");
  });
  it("sums without float drift", () => {
    expect(formatAmount(money("0.1").plus("0.2"))).toBe("0.30");
  });
  it("formats yuan for display with grouping", () => {
    expect(formatYuan("1234567.5")).toBe("¥1,234,567.50");
    expect(formatYuan("-12")).toBe("-¥12.00");
  });
});

describe("parseAmount", () => {
  it("accepts strings and numbers with up to two decimals", () => {
    expect(parseAmount("52000").ok).toBe(true);
    expect(parseAmount(380.5).ok).toBe(true);
    expect(parseAmount(" 12.34 ").ok).toBe(true);
  });
  it("names what is wrong", () => {
    expect(parseAmount("-5")).toEqual({ ok: false, reason: '"-5" is negative', problem: "negative", shown: '"-5"' });
    expect(parseAmount("1.234")).toEqual({ ok: false, reason: '"1.234" has more than two decimals', problem: "decimals", shown: '"1.234"' });
    expect(parseAmount("abc")).toEqual({ ok: false, reason: '"abc" is not a decimal amount', problem: "notDecimal", shown: '"abc"' });
    expect(parseAmount(null)).toEqual({ ok: false, reason: "null is not an amount", problem: "notAmount", shown: "null" });
    expect(parseAmount(1e21)).toEqual({ ok: false, reason: "1e+21 is not a plain decimal", problem: "notPlain", shown: "1e+21" });
    expect(parseAmount(NaN)).toEqual({ ok: false, reason: "NaN is not a number", problem: "notNumber", shown: "NaN" });
  });
});
