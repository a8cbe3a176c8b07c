import { describe, expect, it } from "vitest";
import { defaultCalendar } from "@/lib/calendar/domain/default-calendar";
import { pauseClock, resumeClock, startClock, workingDaysUsed } from "./step-clock";
import { aggregateTimeliness, workingDayOrdinals, type TimelinessFact } from "./timeliness";

// Hand-worked against the 2025 National Day schedule (国办发明电〔2024〕12号):
// 10-01 … 10-08 off, Sunday 09-28 and Saturday 10-11 make-up working days.

const calendar = defaultCalendar();
const { base, ordinals } = workingDayOrdinals(calendar);
const ord = (d: string) => ordinals[(Date.parse(`${d}T00:00:00Z`) - Date.parse(`${base}T00:00:00Z`)) / 86_400_000]!;

describe("working-day ordinals", () => {
  it("give the working days between two dates as a difference, the start day not counted", () => {
    // After Fri 09-26: Sun 09-28 (make-up), Mon 09-29, Tue 09-30, Thu 10-09, Fri 10-10 = 5.
    expect(ord("2025-10-10") - ord("2025-09-26")).toBe(5);
    // 2025 Spring Festival: 01-28 … 02-04 off, Sun 01-26 and Sat 02-08 worked. After Fri 01-24: 01-26, 01-27, 02-05, 02-06, 02-07, 02-08 = 6.
    expect(ord("2025-02-08") - ord("2025-01-24")).toBe(6);
    expect(base).toBe("2019-01-01");
    for (const [a, b] of [["2019-01-01", "2019-12-31"], ["2024-12-30", "2025-01-06"], ["2026-09-30", "2026-10-12"]] as const) {
      expect(ord(b) - ord(a)).toBe(calendar.workingDaysBetween(a, b));
    }
  });

  it("count a 退回补正 the way the step clock does: the query's formula equals the clock's days used", () => {
    // Accepted Fri 2025-09-26; returned Tue 09-30 (used 09-28, 09-29, 09-30 = 3);
    // resumed Mon 10-13 (10-09, 10-10, 10-11, 10-13 not counted); forwarded Fri 10-24
    // (10-14 … 10-17, 10-20 … 10-24 = 9): 3 + 9 = 12 working days, late.
    const clock = resumeClock(pauseClock(startClock("township", "2025-09-26"), "2025-09-30", calendar), "2025-10-13");
    expect(workingDaysUsed(clock, "2025-10-24", calendar)).toBe(12);
    const paused = ord("2025-10-13") - ord("2025-09-30");
    expect(paused).toBe(4);
    expect(ord("2025-10-24") - ord("2025-09-26") - paused).toBe(12);
  });
});

describe("aggregateTimeliness", () => {
  const f = (townshipCode: string, step: TimelinessFact["step"], done: boolean, usedDays: number | null, overdue: boolean, cases: number): TimelinessFact => ({
    townshipCode, step, done, usedDays, overdue, cases,
  });
  const townships = [
    { code: "430524100000", name: "桃洪镇" },
    { code: "430524101000", name: "小沙江镇" },
    { code: "430524102000", name: "金石桥镇" },
  ];

  it("counts on time (≤ 10 working days) and late, open and open overdue, and averages the finished", () => {
    const view = aggregateTimeliness(
      [
        f("430524100000", "township", true, 7, false, 3), // 3 on time, 21 days
        f("430524100000", "township", true, 10, false, 1), // the 10th day is on time: 10 days
        f("430524100000", "township", true, 12, false, 2), // 2 late: 24 days
        f("430524100000", "township", false, null, true, 2),
        f("430524100000", "township", false, null, false, 1),
        f("430524100000", "county", true, 4, false, 1),
        f("430524101000", "county", false, null, false, 5),
      ],
      townships,
      "隆回县合计",
    );
    const taohong = view.rows[0]!;
    // (21 + 10 + 24) / 6 = 9.1666… → 9.2
    expect(taohong.steps.township).toEqual({ onTime: 4, late: 2, open: 3, openOverdue: 2, averageDays: "9.2" });
    expect(taohong.steps.county).toEqual({ onTime: 1, late: 0, open: 0, openOverdue: 0, averageDays: "4.0" });
    expect(taohong.steps.payment).toEqual({ onTime: 0, late: 0, open: 0, openOverdue: 0, averageDays: null });
    expect(view.rows[1]!.steps.county).toEqual({ onTime: 0, late: 0, open: 5, openOverdue: 0, averageDays: null });
    // A township without cases is listed with zeros.
    expect(view.rows.map((r) => r.townshipName)).toEqual(["桃洪镇", "小沙江镇", "金石桥镇"]);
    expect(view.rows[2]!.steps.township.open).toBe(0);
    // The total: the county step (4 days) over both townships.
    expect(view.total.townshipName).toBe("隆回县合计");
    expect(view.total.steps.county).toEqual({ onTime: 1, late: 0, open: 5, openOverdue: 0, averageDays: "4.0" });
    expect(view.total.steps.township.averageDays).toBe("9.2");
  });

  it("rounds the average half up to one decimal, and lists a township missing from the names after the named ones", () => {
    const view = aggregateTimeliness([f("430524100000", "payment", true, 3, false, 3), f("430524100000", "payment", true, 4, false, 1), f("430524109000", "payment", true, 6, false, 1)], townships.slice(0, 1), "合计");
    // (9 + 4) / 4 = 3.25 → 3.3
    expect(view.rows[0]!.steps.payment.averageDays).toBe("3.3");
    expect(view.rows.map((r) => r.townshipCode)).toEqual(["430524100000", "430524109000"]);
    expect(view.rows[1]!.townshipName).toBe("430524109000");
  });
});
