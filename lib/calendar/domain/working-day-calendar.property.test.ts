import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultCalendar } from "./default-calendar";
import { formatIsoDate, parseIsoDate } from "./iso-date";

const calendar = defaultCalendar();
// 60 working days are at most ~95 calendar days, so starts up to September 2026
// stay inside the shipped years.
const dates = fc
  .integer({ min: parseIsoDate("2019-01-01"), max: parseIsoDate("2026-09-15") })
  .map(formatIsoDate);
const counts = fc.integer({ min: 0, max: 60 });

describe("addWorkingDays properties", () => {
  it("lands on a working day that is exactly n working days later", () => {
    fc.assert(
      fc.property(dates, counts, (date, n) => {
        const result = calendar.addWorkingDays(date, n);
        expect(calendar.isWorkingDay(result)).toBe(true);
        if (n >= 1) {
          expect(result > date).toBe(true);
          expect(calendar.workingDaysBetween(date, result)).toBe(n);
          // No working day is skipped: the day before the result is at most n − 1 working days away.
          expect(calendar.workingDaysBetween(date, formatIsoDate(parseIsoDate(result) - 1))).toBe(n - 1);
        } else {
          expect(result).toBe(calendar.rollToWorkingDay(date));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("is strictly increasing in n ≥ 1, and n = 0 never lies after n = 1", () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 59 }), (date, n) => {
        expect(calendar.addWorkingDays(date, n + 1) > calendar.addWorkingDays(date, n)).toBe(true);
        // From a day off, 0 and 1 both give the first working day after it.
        expect(calendar.addWorkingDays(date, 0) <= calendar.addWorkingDays(date, 1)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
