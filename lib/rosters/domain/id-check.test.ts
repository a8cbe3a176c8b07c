import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkChar, idNumberProblem } from "@/lib/id-number/id-number";
import { checkIdNumber, quickValid, ymdNumber } from "./id-check";

const TODAY = new Date("2025-02-01T00:00:00Z");

// IDs near the edges: provinces around 11 and 82, real and impossible dates
// (Feb 29, month 13, day 0), future births, births before 1890, right and
// wrong check characters, stray letters.
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(""));
const first17 = fc
  .tuple(
    fc.constantFrom("10", "11", "43", "82", "83", "99", "00"),
    digits(4),
    fc.integer({ min: 1880, max: 2030 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    digits(3),
  )
  .map(([p, c, y, m, d, s]) => `${p}${c}${y}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}${s}`);
const id = fc.oneof(
  first17.map((f) => f + checkChar(f)),
  fc.tuple(first17, fc.constantFrom(..."0123456789XxA")).map(([f, c]) => f + c),
  fc.string({ maxLength: 20 }),
);

describe("quickValid", () => {
  it("agrees with idNumberProblem", () => {
    fc.assert(
      fc.property(id, (candidate) => {
        expect(quickValid(candidate, ymdNumber(TODAY))).toBe(idNumberProblem(candidate, TODAY) === null);
      }),
      { numRuns: 20_000 },
    );
  });

  it("checkIdNumber accepts exactly the IDs idNumberProblem accepts (after normalising)", () => {
    fc.assert(
      fc.property(id, (candidate) => {
        const result = checkIdNumber(candidate, TODAY);
        const normalized = candidate.trim().toUpperCase();
        if (idNumberProblem(normalized, TODAY) === null) expect(result.value ?? result.reason).toMatch(/^\d{17}[\dX]$|示例行/);
        if (result.value !== undefined) expect(idNumberProblem(result.value, TODAY)).toBeNull();
      }),
      { numRuns: 5_000 },
    );
  });
});
