import { describe, expect, it } from "vitest";
import { beijingToday } from "@/lib/calendar/domain/iso-date";
import { monthsDescending, shiftMonth } from "./beijing-time";
import { consolidationStatus, submissionStatus } from "./board-status";

describe("submissionStatus", () => {
  const deadline = "2025-10-09"; // the 5th fell in the National Day holiday
  it("on the deadline day is on time, the day after is late", () => {
    expect(submissionStatus({ deadline, firstSentOn: "2025-10-09", today: "2025-11-01" })).toBe("on_time");
    expect(submissionStatus({ deadline, firstSentOn: "2025-10-10", today: "2025-11-01" })).toBe("late");
  });
  it("not sent: pending up to and including the deadline, missing after", () => {
    expect(submissionStatus({ deadline, firstSentOn: null, today: "2025-10-09" })).toBe("pending");
    expect(submissionStatus({ deadline, firstSentOn: null, today: "2025-10-10" })).toBe("missing");
  });
  it("without a loaded schedule nothing is judged", () => {
    expect(submissionStatus({ deadline: null, firstSentOn: "2027-01-04", today: "2027-02-01" })).toBe("sent");
    expect(submissionStatus({ deadline: null, firstSentOn: null, today: "2027-02-01" })).toBe("unknown");
  });
});

describe("consolidationStatus", () => {
  it("done by the due date, done late, overdue and pending", () => {
    expect(consolidationStatus({ due: "2025-10-16", firstRunOn: "2025-10-16", today: "2025-12-01" })).toBe("done");
    expect(consolidationStatus({ due: "2025-10-16", firstRunOn: "2025-10-17", today: "2025-12-01" })).toBe("done_late");
    expect(consolidationStatus({ due: "2025-10-16", firstRunOn: null, today: "2025-10-17" })).toBe("overdue");
    expect(consolidationStatus({ due: "2025-10-16", firstRunOn: null, today: "2025-10-16" })).toBe("pending");
  });
});

describe("Beijing dates and months", () => {
  it("an instant late on the 5th in Beijing is the 5th, although it is the 5th at 15:30 UTC", () => {
    expect(beijingToday(new Date("2025-10-05T15:30:00Z"))).toBe("2025-10-05");
    expect(beijingToday(new Date("2025-10-05T16:30:00Z"))).toBe("2025-10-06");
  });
  it("shifts months across years", () => {
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(monthsDescending("2025-11", "2026-02")).toEqual(["2026-02", "2026-01", "2025-12", "2025-11"]);
  });
});
