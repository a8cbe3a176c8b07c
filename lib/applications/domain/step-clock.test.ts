import { describe, expect, it } from "vitest";
import { defaultCalendar } from "@/lib/calendar/domain/default-calendar";
import { applicationDeadlines, clockStatus, dueDate, pauseClock, resumeClock, startClock, workingDaysUsed } from "./step-clock";

// Dates worked by hand from the shipped 2025 schedule (国办发明电〔2024〕12号):
//   春节 01-28 … 02-04 off; 01-26 (Sun) and 02-08 (Sat) are make-up working days.
//   国庆节、中秋节 10-01 … 10-08 off; 09-28 (Sun) and 10-11 (Sat) are make-up working days.
// The start day is never counted.
const calendar = defaultCalendar();

describe("10 working days per step (003 §三(八))", () => {
  it("a Friday acceptance before the Spring Festival: the contract's example", () => {
    // Fri 01-24. Counted: 01-26 Sun 调休 (1), 01-27 (2), [01-28 … 02-04 春节], 02-05 (3), 02-06 (4),
    // 02-07 (5), 02-08 Sat 调休 (6), 02-10 (7), 02-11 (8), 02-12 (9), 02-13 (10).
    // County from 02-13 (Thu): 02-14 (1), 02-17 … 02-21 (2–6), 02-24 … 02-27 (7–10).
    // Payment from 02-27 (Thu): 02-28 (1), 03-03 … 03-07 (2–6), 03-10 … 03-13 (7–10).
    expect(applicationDeadlines(calendar, { accepted: "2025-01-24" })).toEqual({
      township: "2025-02-13",
      county: "2025-02-27",
      payment: "2025-03-13",
    });
  });

  it("accepted the day before the Spring Festival", () => {
    // Mon 01-27: 02-05 (1), 02-06 (2), 02-07 (3), 02-08 Sat 调休 (4), 02-10 … 02-14 (5–9), 02-17 (10).
    expect(calendar.addWorkingDays("2025-01-27", 10)).toBe("2025-02-17");
    expect(applicationDeadlines(calendar, { accepted: "2025-01-27" }).township).toBe("2025-02-17");
  });

  it("accepted the day before National Day, and on the Friday before it", () => {
    // Tue 09-30: [10-01 … 10-08], 10-09 (1), 10-10 (2), 10-11 Sat 调休 (3), 10-13 … 10-17 (4–8), 10-20 (9), 10-21 (10).
    expect(applicationDeadlines(calendar, { accepted: "2025-09-30" }).township).toBe("2025-10-21");
    // Fri 09-26: 09-28 Sun 调休 (1), 09-29 (2), 09-30 (3), 10-09 (4), 10-10 (5), 10-11 Sat 调休 (6), 10-13 … 10-16 (7–10).
    expect(applicationDeadlines(calendar, { accepted: "2025-09-26" }).township).toBe("2025-10-16");
  });

  it("county and payment count from the actual forwarding and approval dates", () => {
    // Forwarded Sun 09-28 (a make-up working day, not counted): 09-29 (1), 09-30 (2), 10-09 (3), 10-10 (4),
    // 10-11 (5), 10-13 … 10-17 (6–10). Approved Fri 10-17: 10-20 … 10-24 (1–5), 10-27 … 10-31 (6–10).
    expect(applicationDeadlines(calendar, { accepted: "2025-09-15", forwarded: "2025-09-28", approved: "2025-10-17" })).toEqual({
      township: "2025-09-28", // 09-16 … 09-19 (1–4), 09-22 … 09-26 (5–9), 09-28 Sun 调休 (10)
      county: "2025-10-17",
      payment: "2025-10-31",
    });
  });
});

describe("退回补正: the township clock is suspended and resumes with the days left", () => {
  it("across the Spring Festival", () => {
    // Accepted Fri 01-24, returned Mon 01-27: used 01-26 (调休) and 01-27 = 2. Resumed Mon 02-10:
    // 8 left: 02-11 (1), 02-12 (2), 02-13 (3), 02-14 (4), 02-17 … 02-20 (5–8).
    const paused = pauseClock(startClock("township", "2025-01-24"), "2025-01-27", calendar);
    expect(paused).toEqual({ step: "township", startedOn: "2025-01-24", usedBefore: 2, pausedOn: "2025-01-27" });
    expect(dueDate(paused, calendar)).toBeNull();
    expect(clockStatus(paused, "2025-02-05", calendar)).toEqual({ paused: true, used: 2, left: 8 });
    expect(workingDaysUsed(paused, "2025-02-07", calendar)).toBe(2);
    const resumed = resumeClock(paused, "2025-02-10");
    expect(dueDate(resumed, calendar)).toBe("2025-02-20");
    expect(workingDaysUsed(resumed, "2025-02-12", calendar)).toBe(4);
  });

  it("across National Day", () => {
    // Accepted Wed 09-24, returned Mon 09-29: 09-25 (1), 09-26 (2), 09-28 Sun 调休 (3), 09-29 (4).
    // Resumed Thu 10-09, 6 left: 10-10 (1), 10-11 Sat 调休 (2), 10-13 … 10-16 (3–6).
    const paused = pauseClock(startClock("township", "2025-09-24"), "2025-09-29", calendar);
    expect(paused.usedBefore).toBe(4);
    expect(dueDate(resumeClock(paused, "2025-10-09"), calendar)).toBe("2025-10-16");
    // Returned twice: the second stretch adds its days. 10-09 → 10-13: 10-10, 10-11, 10-13 = 3, so 7 used.
    const again = pauseClock(resumeClock(paused, "2025-10-09"), "2025-10-13", calendar);
    expect(again.usedBefore).toBe(7);
    // Pausing a paused clock changes nothing.
    expect(pauseClock(again, "2025-10-20", calendar)).toBe(again);
  });

  it("a case returned after its days ran out is due on the day it resumes, moved off a day off", () => {
    const spent = pauseClock(startClock("township", "2025-09-10"), "2025-09-30", calendar);
    expect(spent.usedBefore).toBeGreaterThanOrEqual(10);
    // Resumed on 10-04 (国庆 holiday): 0 days left, the deadline rolls to Thu 10-09 (民法典 第二百零三条).
    expect(dueDate(resumeClock(spent, "2025-10-04"), calendar)).toBe("2025-10-09");
  });
});

describe("days left and overdue", () => {
  it("counts working days after today, negative once overdue", () => {
    const clock = startClock("township", "2025-01-24"); // due 02-13
    expect(clockStatus(clock, "2025-02-10", calendar)).toEqual({ paused: false, due: "2025-02-13", overdue: false, daysLeft: 3 });
    expect(clockStatus(clock, "2025-02-13", calendar)).toEqual({ paused: false, due: "2025-02-13", overdue: false, daysLeft: 0 });
    // Fri 02-14 is one working day late; Sat 02-15 still one; Mon 02-17 two.
    expect(clockStatus(clock, "2025-02-14", calendar)).toMatchObject({ overdue: true, daysLeft: -1 });
    expect(clockStatus(clock, "2025-02-15", calendar)).toMatchObject({ overdue: true, daysLeft: -1 });
    expect(clockStatus(clock, "2025-02-17", calendar)).toMatchObject({ overdue: true, daysLeft: -2 });
    // During the holiday, days left do not shrink: 01-29 → 02-13 still has 02-05 … 02-13 = 8.
    expect(clockStatus(clock, "2025-01-29", calendar)).toMatchObject({ daysLeft: 8 });
  });
});
