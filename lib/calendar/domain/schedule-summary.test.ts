import { describe, expect, it } from "vitest";
import { SCHEDULE_2026 } from "@/lib/calendar/domain/schedules/2026";
import { canonicalSchedule, diffSchedules, scheduleJson, summarizeSchedule } from "./schedule-summary";

describe("schedule summary", () => {
  it("treats another key or day order as the same arrangement, and a changed day as different", () => {
    const reordered = { source: SCHEDULE_2026.source, makeupWorkdays: [...SCHEDULE_2026.makeupWorkdays].reverse(), year: 2026, holidays: [...SCHEDULE_2026.holidays].reverse().map((h) => ({ days: [...h.days].reverse(), name: h.name })) };
    expect(canonicalSchedule(reordered)).toBe(canonicalSchedule(SCHEDULE_2026));
    expect(canonicalSchedule({ ...SCHEDULE_2026, makeupWorkdays: ["2026-01-04"] })).not.toBe(canonicalSchedule(SCHEDULE_2026));
  });

  it("summarises and diffs versions for the audit log", () => {
    expect(summarizeSchedule(SCHEDULE_2026, 1).holidays).toContain("国庆节 2026-10-01～2026-10-07（7天）");
    const corrected = { ...SCHEDULE_2026, holidays: [{ name: "元旦", days: ["2026-01-01"] }, ...SCHEDULE_2026.holidays.slice(1)], makeupWorkdays: SCHEDULE_2026.makeupWorkdays.slice(1) };
    expect(diffSchedules(SCHEDULE_2026, corrected)).toEqual({ holidaysAdded: [], holidaysRemoved: ["2026-01-02", "2026-01-03"], makeupAdded: [], makeupRemoved: ["2026-01-04"] });
    expect(diffSchedules(null, SCHEDULE_2026).holidaysAdded).toHaveLength(33);
  });

  it("writes the template in the documented field order", () => {
    expect(Object.keys(JSON.parse(scheduleJson(SCHEDULE_2026)))).toEqual(["year", "holidays", "makeupWorkdays", "source"]);
  });
});
