import { afterEach, describe, expect, it } from "vitest";
import { InvalidDateError } from "./calendar-errors";
import { formatIsoDate, parseIsoDate, parseIsoMonth, tryParseIsoDate, weekdayName, weekdayOfDay } from "./iso-date";

describe("iso-date", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it("round-trips real dates, leap days included", () => {
    for (const date of ["2025-01-24", "2024-02-29", "2000-02-29", "1970-01-01", "2026-12-31", "0099-03-01"]) {
      expect(formatIsoDate(parseIsoDate(date))).toBe(date);
    }
  });

  it("rejects what is not a real YYYY-MM-DD date, naming the value", () => {
    for (const bad of ["2025-02-30", "2025-02-29", "1900-02-29", "2025-2-3", "2025-13-01", "2025-00-10", "abc", "", "2025-01-24T00:00", " 2025-01-24"]) {
      expect(tryParseIsoDate(bad)).toBeNull();
      expect(() => parseIsoDate(bad)).toThrow(InvalidDateError);
    }
    expect(() => parseIsoDate("2025-02-30")).toThrow("“2025-02-30”不是有效日期（应为 YYYY-MM-DD 格式，如 2025-01-24）");
    expect(tryParseIsoDate(20250124)).toBeNull();
  });

  it("answers alike when asked again (both conversions are remembered), past the memo's size too", () => {
    const first = parseIsoDate("2000-01-01");
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 5000; i++) {
        const text = formatIsoDate(first + i);
        expect(parseIsoDate(text)).toBe(first + i);
        expect(tryParseIsoDate(text.replace(/-(\d\d)$/, "-3$1"))).toBeNull();
      }
      expect(tryParseIsoDate("2025-02-30")).toBeNull();
      expect(() => parseIsoDate("2025-02-30")).toThrow(InvalidDateError);
    }
  });

  it("knows the weekday", () => {
    expect(weekdayOfDay(parseIsoDate("2025-01-26"))).toBe(0);
    expect(weekdayName(parseIsoDate("2025-01-26"))).toBe("星期日");
    expect(weekdayOfDay(parseIsoDate("2025-01-24"))).toBe(5);
    expect(weekdayOfDay(parseIsoDate("1969-12-31"))).toBe(3);
  });

  it("does not depend on the process time zone", () => {
    for (const tz of ["Asia/Shanghai", "America/Los_Angeles", "Pacific/Kiritimati", "UTC"]) {
      process.env.TZ = tz;
      expect(formatIsoDate(parseIsoDate("2025-03-30") + 1)).toBe("2025-03-31");
      expect(weekdayOfDay(parseIsoDate("2025-10-01"))).toBe(3);
    }
  });

  it("parses months", () => {
    expect(parseIsoMonth("2025-10")).toEqual({ year: 2025, month: 10 });
    for (const bad of ["2025-13", "2025-1", "2025-10-01", "oct"]) {
      expect(() => parseIsoMonth(bad)).toThrow(new InvalidDateError(bad, "YYYY-MM").message);
    }
  });
});
