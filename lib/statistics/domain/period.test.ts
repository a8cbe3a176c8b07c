import { describe, expect, it } from "vitest";
import { monthsOf, parsePeriod, reportingDate, yearsOf } from "./period";

const TODAY = "2026-12-02";

describe("parsePeriod", () => {
  it("a month, with its last day (February of a leap year, December)", () => {
    expect(parsePeriod({ period: "2026-11" }, TODAY)).toEqual({ kind: "month", from: "2026-11-01", to: "2026-11-30", label: "2026年11月" });
    expect(parsePeriod({ period: "2024-02" }, TODAY)).toMatchObject({ from: "2024-02-01", to: "2024-02-29", label: "2024年2月" });
    expect(parsePeriod({ period: "2025-02" }, TODAY)).toMatchObject({ to: "2025-02-28" });
    expect(parsePeriod({ period: "2026-12" }, TODAY)).toMatchObject({ from: "2026-12-01", to: "2026-12-31" });
  });

  it("a quarter and a year", () => {
    expect(parsePeriod({ period: "2026-Q3" }, TODAY)).toEqual({ kind: "quarter", from: "2026-07-01", to: "2026-09-30", label: "2026年第3季度" });
    expect(parsePeriod({ period: "2026-q1" }, TODAY)).toMatchObject({ from: "2026-01-01", to: "2026-03-31" });
    expect(parsePeriod({ period: "2026-Q4" }, TODAY)).toMatchObject({ from: "2026-10-01", to: "2026-12-31" });
    expect(parsePeriod({ period: "2026" }, TODAY)).toEqual({ kind: "year", from: "2026-01-01", to: "2026-12-31", label: "2026年" });
  });

  it("a custom range, inclusive, up to three years", () => {
    expect(parsePeriod({ from: "2026-01-01", to: "2026-06-30" }, TODAY)).toEqual({ kind: "range", from: "2026-01-01", to: "2026-06-30", label: "2026-01-01 至 2026-06-30" });
    expect(parsePeriod({ from: "2024-01-01", to: "2026-12-31" }, TODAY)).toMatchObject({ kind: "range" });
    expect(parsePeriod({ from: "2026-05-05", to: "2026-05-05" }, TODAY)).toMatchObject({ from: "2026-05-05", to: "2026-05-05" });
    expect(() => parsePeriod({ from: "2024-01-01", to: "2027-01-01" }, TODAY)).toThrow(expect.objectContaining({ field: "to", message: expect.stringContaining("最长 3 年") }));
    expect(parsePeriod({ from: "2024-02-29", to: "2027-02-28" }, TODAY)).toMatchObject({ kind: "range" });
    expect(() => parsePeriod({ from: "2024-02-29", to: "2027-03-01" }, TODAY)).toThrow(expect.objectContaining({ field: "to" }));
  });

  it("nothing (or empty parameters): this year from 1 January to today", () => {
    const expected = { kind: "year", from: "2026-01-01", to: "2026-12-02", label: "2026年（1月1日至12月2日）" };
    expect(parsePeriod({}, TODAY)).toEqual(expected);
    expect(parsePeriod({ period: "", from: " ", to: null }, TODAY)).toEqual(expected);
  });

  it("bad input: a Chinese ValidationError naming the field", () => {
    const bad = (input: Record<string, unknown>, field: string) =>
      expect(() => parsePeriod(input, TODAY)).toThrow(expect.objectContaining({ code: "invalid", field, message: expect.stringMatching(/[\u4e00-\u9fa5]/) }));
    bad({ period: "2026-13" }, "period");
    bad({ period: "2026-Q5" }, "period");
    bad({ period: "26" }, "period");
    bad({ period: "last-year" }, "period");
    bad({ period: "1999" }, "period");
    bad({ period: 2026 }, "period");
    bad({ period: "2026", from: "2026-01-01", to: "2026-02-01" }, "period");
    bad({ from: "2026-02-30", to: "2026-03-31" }, "from");
    bad({ from: "2026-01-01", to: "2026/03/31" }, "to");
    bad({ from: "2026-01-01" }, "to");
    bad({ to: "2026-01-01" }, "from");
    bad({ from: "2026-06-30", to: "2026-01-01" }, "to");
  });
});

describe("period helpers", () => {
  it("years and months a period touches; the reporting date", () => {
    expect(yearsOf({ from: "2025-11-15", to: "2026-02-10" })).toEqual([2025, 2026]);
    expect(monthsOf({ from: "2025-11-15", to: "2026-02-10" })).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsOf({ from: "2026-11-01", to: "2026-11-30" })).toEqual(["2026-11"]);
    expect(reportingDate({ to: "2026-12-31" }, TODAY)).toBe(TODAY);
    expect(reportingDate({ to: "2026-09-30" }, TODAY)).toBe("2026-09-30");
  });
});
