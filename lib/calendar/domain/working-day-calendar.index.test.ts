import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MissingScheduleError } from "./calendar-errors";
import { defaultCalendar } from "./default-calendar";
import { formatIsoDate, parseIsoDate } from "./iso-date";
import { SHIPPED_SCHEDULES } from "./schedules/shipped-schedules";
import { createCalendar, type WorkingDayCalendar } from "./working-day-calendar";

// workingDaysBetween and addWorkingDays answer from an index over the loaded
// years (working-day-calendar.ts). Here they are checked against the
// definition, day by day through isWorkingDay, over spans of up to several
// years (an overdue case's clock counts from 2019 to today), at the ends of
// the loaded span, and with a gap in the loaded years (no index: the walk
// must still throw for the missing year).

const calendar = defaultCalendar();

function betweenByDays(cal: WorkingDayCalendar, from: string, to: string): number {
  let n = 0;
  for (let day = parseIsoDate(from) + 1; day <= parseIsoDate(to); day++) if (cal.isWorkingDay(formatIsoDate(day))) n++;
  return n;
}

function addByDays(cal: WorkingDayCalendar, from: string, n: number): string {
  let day = parseIsoDate(from);
  for (let counted = 0; counted < n; ) {
    day++;
    if (cal.isWorkingDay(formatIsoDate(day))) counted++;
  }
  return formatIsoDate(day);
}

const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
};

// The shipped span: 2019-01-01 … 2027-12-31 (2027 provisional).
const anyDay = fc.integer({ min: parseIsoDate("2019-01-01"), max: parseIsoDate("2027-12-31") }).map(formatIsoDate);

describe("the working-day index agrees with counting day by day", () => {
  it("workingDaysBetween over any two loaded days, up to nine years apart", () => {
    fc.assert(
      fc.property(anyDay, anyDay, (a, b) => {
        expect(calendar.workingDaysBetween(a, b)).toBe(a < b ? betweenByDays(calendar, a, b) : 0);
      }),
      { numRuns: 100 },
    );
  });

  it("addWorkingDays for counts up to three years of working days", () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 750 }), (date, n) => {
        const expected = (() => {
          try {
            return addByDays(calendar, date, n);
          } catch (error) {
            return error;
          }
        })();
        if (expected instanceof Error) expect(thrown(() => calendar.addWorkingDays(date, n))).toMatchObject({ year: 2028 });
        else expect(calendar.addWorkingDays(date, n)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("at the ends of the loaded span", () => {
    expect(calendar.workingDaysBetween("2019-01-01", "2027-12-31")).toBe(betweenByDays(calendar, "2019-01-01", "2027-12-31"));
    // The first working day of 2019 (01-01 is 元旦) and the last of 2027.
    expect(calendar.addWorkingDays("2019-01-01", 1)).toBe("2019-01-02");
    expect(calendar.addWorkingDays("2019-01-01", 0)).toBe("2019-01-02");
    const lastWorking = addByDays(calendar, "2027-12-20", calendar.workingDaysBetween("2027-12-20", "2027-12-31"));
    expect(calendar.addWorkingDays("2027-12-20", calendar.workingDaysBetween("2027-12-20", "2027-12-31"))).toBe(lastWorking);
    // One working day more runs into 2028, which is not loaded.
    const error = thrown(() => calendar.addWorkingDays("2027-12-20", calendar.workingDaysBetween("2027-12-20", "2027-12-31") + 1));
    expect(error).toBeInstanceOf(MissingScheduleError);
    expect(error).toMatchObject({ year: 2028 });
    expect(thrown(() => calendar.workingDaysBetween("2018-12-31", "2019-01-04"))).toMatchObject({ year: 2018 });
  });

  it("with a gap in the loaded years, counting across it still throws for the missing year", () => {
    const gap = createCalendar(SHIPPED_SCHEDULES.filter((s) => s.year !== 2022));
    expect(gap.workingDaysBetween("2021-03-01", "2021-06-01")).toBe(betweenByDays(calendar, "2021-03-01", "2021-06-01"));
    expect(gap.addWorkingDays("2023-03-01", 40)).toBe(calendar.addWorkingDays("2023-03-01", 40));
    expect(thrown(() => gap.workingDaysBetween("2021-12-01", "2023-01-10"))).toMatchObject({ year: 2022 });
    expect(thrown(() => gap.addWorkingDays("2021-12-20", 30))).toMatchObject({ year: 2022 });
  });
});
