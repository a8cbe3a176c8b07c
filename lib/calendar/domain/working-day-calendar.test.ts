import { describe, expect, it } from "vitest";
import { InvalidDateError, InvalidWorkingDayCountError, MissingScheduleError, ScheduleConflictError } from "./calendar-errors";
import { defaultCalendar } from "./default-calendar";
import { SHIPPED_SCHEDULES } from "./schedules/shipped-schedules";
import { createCalendar } from "./working-day-calendar";
import type { YearSchedule } from "./schedule-schema";

const calendar = defaultCalendar();

describe("addWorkingDays", () => {
  it("crosses the 2025 Spring Festival, counting the make-up Sunday and Saturday", () => {
    // Fri 01-24 → 1: Sun 01-26 (调休上班), 2: Mon 01-27, [01-28 … 02-04 off],
    // 3: Wed 02-05, 4: Thu 02-06, 5: Fri 02-07, 6: Sat 02-08 (调休上班), [Sun 02-09 off],
    // 7: Mon 02-10, 8: Tue 02-11, 9: Wed 02-12, 10: Thu 02-13.
    expect(calendar.addWorkingDays("2025-01-24", 1)).toBe("2025-01-26");
    expect(calendar.addWorkingDays("2025-01-24", 2)).toBe("2025-01-27");
    expect(calendar.addWorkingDays("2025-01-24", 3)).toBe("2025-02-05");
    expect(calendar.addWorkingDays("2025-01-24", 6)).toBe("2025-02-08");
    expect(calendar.addWorkingDays("2025-01-24", 10)).toBe("2025-02-13");
  });

  it("crosses the 2025 National Day holiday", () => {
    // Fri 09-26 → [Sat 09-27 off], 1: Sun 09-28 (调休上班), 2: Mon 09-29, 3: Tue 09-30,
    // [10-01 … 10-08 off], 4: Thu 10-09, 5: Fri 10-10, 6: Sat 10-11 (调休上班),
    // [Sun 10-12 off], 7: Mon 10-13, 8: 10-14, 9: 10-15, 10: Thu 10-16.
    expect(calendar.addWorkingDays("2025-09-26", 10)).toBe("2025-10-16");
    expect(calendar.addWorkingDays("2025-09-30", 1)).toBe("2025-10-09");
  });

  it("does not count the start day, so a Friday start ends on the n-th working day after it", () => {
    // Fri 2025-03-07 → 1: Mon 03-10 … 5: Fri 03-14, 10: Fri 03-21.
    expect(calendar.addWorkingDays("2025-03-07", 1)).toBe("2025-03-10");
    expect(calendar.addWorkingDays("2025-03-07", 5)).toBe("2025-03-14");
    expect(calendar.addWorkingDays("2025-03-07", 10)).toBe("2025-03-21");
  });

  it("starts on a holiday: counting begins with the first working day after it", () => {
    // Thu 2025-01-30 (春节) → 1: Wed 02-05, 3: Fri 02-07, 4: Sat 02-08 (调休上班).
    expect(calendar.addWorkingDays("2025-01-30", 1)).toBe("2025-02-05");
    expect(calendar.addWorkingDays("2025-01-30", 4)).toBe("2025-02-08");
    // Fri 2025-10-03 (国庆) → 1: 10-09, 2: 10-10, 3: Sat 10-11, 4: Mon 10-13, 5: 10-14.
    expect(calendar.addWorkingDays("2025-10-03", 5)).toBe("2025-10-14");
  });

  it("n = 0 gives the date itself, moved to the next working day when it is off", () => {
    expect(calendar.addWorkingDays("2025-10-05", 0)).toBe("2025-10-09");
    expect(calendar.addWorkingDays("2025-10-09", 0)).toBe("2025-10-09");
    expect(calendar.addWorkingDays("2025-01-26", 0)).toBe("2025-01-26");
  });

  it("crosses a year end inside the shipped years", () => {
    // Wed 2025-12-31 → [Thu 2026-01-01 … Sat 01-03 元旦], 1: Sun 01-04 (调休上班), 2: Mon 01-05.
    expect(calendar.addWorkingDays("2025-12-31", 1)).toBe("2026-01-04");
    expect(calendar.addWorkingDays("2025-12-31", 2)).toBe("2026-01-05");
  });

  it("rejects a negative or fractional count", () => {
    for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => calendar.addWorkingDays("2025-01-24", n)).toThrow(InvalidWorkingDayCountError);
    }
    expect(() => calendar.addWorkingDays("2025-01-24", -1)).toThrow("工作日天数应为不小于 0 的整数，收到 -1");
  });
});

describe("rollToWorkingDay and rosterDeadline", () => {
  it("leaves a working day alone and moves a day off forward", () => {
    expect(calendar.rollToWorkingDay("2025-02-08")).toBe("2025-02-08");
    expect(calendar.rollToWorkingDay("2025-02-01")).toBe("2025-02-05");
    expect(calendar.rollToWorkingDay("2025-03-08")).toBe("2025-03-10");
  });

  it("moves the 5th off holidays and weekends", () => {
    expect(calendar.rosterDeadline("2025-10")).toBe("2025-10-09"); // 10-05 in 国庆节、中秋节 (10-01 … 10-08)
    expect(calendar.rosterDeadline("2024-05")).toBe("2024-05-06"); // Sun 05-05 is the last day of 劳动节
    expect(calendar.rosterDeadline("2025-05")).toBe("2025-05-06"); // Mon 05-05 is in 劳动节
    expect(calendar.rosterDeadline("2026-10")).toBe("2026-10-08"); // Mon 10-05 is in 国庆节 (10-01 … 10-07)
    expect(calendar.rosterDeadline("2026-04")).toBe("2026-04-07"); // Sun 04-05 and Mon 04-06 are 清明节
    expect(calendar.rosterDeadline("2025-01")).toBe("2025-01-06"); // plain Sunday
    expect(calendar.rosterDeadline("2026-02")).toBe("2026-02-05"); // Thursday, 10 days before 春节
    expect(calendar.rosterDeadline("2024-02")).toBe("2024-02-05"); // Monday
  });

  it("rejects a malformed month", () => {
    expect(() => calendar.rosterDeadline("2025-13")).toThrow(InvalidDateError);
    expect(() => calendar.rosterDeadline("2025-1")).toThrow("“2025-1”不是有效月份（应为 YYYY-MM 格式，如 2025-10）");
  });
});

describe("workingDaysBetween", () => {
  it("counts the working days after `from` up to and including `to`", () => {
    expect(calendar.workingDaysBetween("2025-01-24", "2025-02-13")).toBe(10);
    expect(calendar.workingDaysBetween("2025-09-26", "2025-10-16")).toBe(10);
    expect(calendar.workingDaysBetween("2025-09-30", "2025-10-09")).toBe(1);
    expect(calendar.workingDaysBetween("2025-10-01", "2025-10-08")).toBe(0);
    expect(calendar.workingDaysBetween("2025-03-07", "2025-03-08")).toBe(0);
    expect(calendar.workingDaysBetween("2025-03-07", "2025-03-10")).toBe(1);
  });

  it("is 0 when `to` is not after `from`", () => {
    expect(calendar.workingDaysBetween("2025-02-13", "2025-01-24")).toBe(0);
    expect(calendar.workingDaysBetween("2025-02-13", "2025-02-13")).toBe(0);
  });
});

describe("years without a schedule", () => {
  // The notices only, without the provisional 2027 that defaultCalendar() adds.
  const calendar = createCalendar(SHIPPED_SCHEDULES);
  const missing = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error;
    }
    throw new Error("expected MissingScheduleError");
  };

  it("throws MissingScheduleError naming the year, never a weekday guess", () => {
    const error = missing(() => calendar.isWorkingDay("2027-01-04"));
    expect(error).toBeInstanceOf(MissingScheduleError);
    expect((error as MissingScheduleError).year).toBe(2027);
    expect((error as Error).message).toBe("2027年的法定节假日安排尚未导入，请管理员先导入该年度安排");
    expect(missing(() => calendar.isWorkingDay("2018-12-31"))).toMatchObject({ year: 2018 });
    expect(missing(() => calendar.rosterDeadline("2027-01"))).toMatchObject({ year: 2027 });
    expect(missing(() => calendar.workingDaysBetween("2026-12-01", "2027-01-05"))).toMatchObject({ year: 2027 });
    expect(missing(() => calendar.addWorkingDays("2018-12-28", 1))).toMatchObject({ year: 2018 });
  });

  it("throws when addWorkingDays runs into the next year", () => {
    // Fri 2026-12-25 → 12-28, 12-29, 12-30, 12-31 are working days 1–4; the 5th lies in 2027.
    expect(calendar.addWorkingDays("2026-12-25", 4)).toBe("2026-12-31");
    expect(missing(() => calendar.addWorkingDays("2026-12-25", 5))).toMatchObject({ year: 2027 });
    // Only a day that needs the next year throws: Thu 2026-12-31 is itself a working day.
    expect(calendar.rollToWorkingDay("2026-12-31")).toBe("2026-12-31");
  });

  it("works once the administrator loads the year", () => {
    const loaded = createCalendar([
      ...SHIPPED_SCHEDULES,
      { year: 2027, holidays: [{ name: "元旦", days: ["2027-01-01"] }], makeupWorkdays: [], source: "测试用" },
    ]);
    // Fri 2026-12-25 → 4: Thu 12-31, [Fri 2027-01-01 元旦, weekend], 5: Mon 2027-01-04.
    expect(loaded.addWorkingDays("2026-12-25", 5)).toBe("2027-01-04");
    expect(loaded.years.at(-1)).toBe(2027);
  });
});

describe("malformed input", () => {
  it("names the value", () => {
    for (const bad of ["2025-02-30", "2025-2-3", "abc"]) {
      expect(() => calendar.isWorkingDay(bad)).toThrow(InvalidDateError);
      expect(() => calendar.addWorkingDays(bad, 1)).toThrow(`“${bad}”不是有效日期`);
      expect(() => calendar.rollToWorkingDay(bad)).toThrow(`“${bad}”`);
      expect(() => calendar.workingDaysBetween("2025-01-01", bad)).toThrow(`“${bad}”`);
    }
  });
});

describe("createCalendar", () => {
  const schedule2018 = (makeup: string[]): YearSchedule => ({
    year: 2018,
    holidays: [{ name: "国庆节", days: ["2018-10-01"] }],
    makeupWorkdays: makeup,
    source: "测试用",
  });

  it("refuses a year given twice", () => {
    expect(() => createCalendar([...SHIPPED_SCHEDULES, SHIPPED_SCHEDULES[0]!])).toThrow(ScheduleConflictError);
    expect(() => createCalendar([...SHIPPED_SCHEDULES, SHIPPED_SCHEDULES[0]!])).toThrow("2019年的节假日安排重复提供");
  });

  it("combines late-December 元旦 days with the previous year, and refuses a contradiction", () => {
    // The 2019 notice makes 2018-12-29 a make-up day and 2018-12-30/31 元旦.
    const combined = createCalendar([schedule2018(["2018-12-29"]), ...SHIPPED_SCHEDULES]);
    expect(combined.isWorkingDay("2018-12-29")).toBe(true);
    expect(combined.isWorkingDay("2018-12-31")).toBe(false);
    const contradicting: YearSchedule = { ...schedule2018([]), holidays: [{ name: "元旦", days: ["2018-12-29"] }] };
    expect(() => createCalendar([contradicting, ...SHIPPED_SCHEDULES])).toThrow(
      "2018年和2019年的节假日安排对“2018-12-29”的规定不一致",
    );
  });

  it("validates schedules even when they arrive typed (e.g. cast from database JSON)", () => {
    const broken = { ...schedule2018([]), makeupWorkdays: ["2018-10-02"] };
    expect(() => createCalendar([broken])).toThrow("makeupWorkdays[0]：“2018-10-02”是星期二，调休上班日只能是星期六或星期日");
  });
});
