import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatAmount, Money, toCent } from "@/lib/money/money";
import { decimalToCents, formatBp, formatCents, mulBp, mulBpSum, percentToBp, yuanToCents } from "./cents";

// The engine counts integer fen; these properties prove each primitive gives
// exactly what decimal.js with half-up rounding (lib/money) gives.

const yuan = (cents: number) => new Money(cents).div(100);
const cents = fc.integer({ min: 0, max: 1_000_000_000_000 });
const bp = fc.integer({ min: 0, max: 20_000 });

describe("integer fen arithmetic equals decimal.js", () => {
  it("mulBp = toCent(yuan × bp / 10000)", () => {
    fc.assert(
      fc.property(cents, bp, (c, b) => {
        const expected = toCent(yuan(c).times(b).div(10_000));
        expect(formatCents(mulBp(c, b))).toBe(formatAmount(expected));
      }),
      { numRuns: 5000 },
    );
  });

  it("mulBpSum rounds the exact sum once", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cents, bp), { maxLength: 4 }), (parts) => {
        const exact = parts.reduce((sum, [c, b]) => sum.plus(yuan(c).times(b).div(10_000)), new Money(0));
        expect(formatCents(mulBpSum(parts))).toBe(formatAmount(exact));
      }),
      { numRuns: 3000 },
    );
  });

  it("formatCents = formatAmount, yuanToCents inverts it", () => {
    fc.assert(
      fc.property(cents, (c) => {
        expect(formatCents(c)).toBe(formatAmount(yuan(c)));
        expect(yuanToCents(formatCents(c))).toBe(c);
      }),
      { numRuns: 5000 },
    );
  });

  it("reads the two-decimal form digit by digit and anything else through decimal.js, alike", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }), (c) => {
        const text = c < 0 ? `-${formatCents(-c)}` : formatCents(c);
        expect(yuanToCents(text)).toBe(c);
        expect(yuanToCents(text)).toBe(decimalToCents(new Money(text)));
      }),
      { numRuns: 3000 },
    );
    expect(yuanToCents("1234.56")).toBe(123456);
    expect(yuanToCents("-0.01")).toBe(-1);
    expect(yuanToCents("-12.05")).toBe(-1205);
    expect(yuanToCents("0.1")).toBe(10); // not the two-decimal form: through decimal.js
    expect(yuanToCents("11000")).toBe(1_100_000);
    expect(yuanToCents("1e3")).toBe(100000);
    expect(yuanToCents(".50")).toBe(50);
    expect(() => yuanToCents("12a4.00")).toThrow();
    expect(() => yuanToCents("1.2.00")).toThrow();
  });

  it("rounds the .5 fen cases half-up, as the policies' 四舍五入 asks", () => {
    expect(mulBp(1, 5_000)).toBe(1); // 0.005 元 → 0.01
    expect(mulBp(3, 5_000)).toBe(2); // 0.015 → 0.02
    expect(mulBp(1, 4_999)).toBe(0);
    expect(mulBpSum([[1, 2_500], [1, 2_500]])).toBe(1); // 0.0025 + 0.0025 = 0.005 → 0.01, not 0 + 0
  });

  it("converts percent text and labels ratios", () => {
    expect(percentToBp("65")).toBe(6_500);
    expect(percentToBp("62.5")).toBe(6_250);
    expect(formatBp(6_500)).toBe("65%");
    expect(formatBp(6_250)).toBe("62.5%");
    expect(formatBp(6_205)).toBe("62.05%");
    expect(formatCents(5)).toBe("0.05");
  });
});
