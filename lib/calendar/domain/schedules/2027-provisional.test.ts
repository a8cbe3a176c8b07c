import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultCalendar } from "../default-calendar";
import { formatIsoDate, parseIsoDate, weekdayOfDay } from "../iso-date";
import { provisionalNoticeFor } from "../provisional-notice";
import { SCHEDULE_2027_PROVISIONAL } from "./2027-provisional";

// The hard-coded lunar and solar-term dates of the provisional 2027, checked
// against chinese-days' own lunar table (the library is test-only: it has no
// 2027 holidays, but its lunar conversion covers 1900–2100). China time, as in
// chinese-days-cross-check.test.ts.
type Lunar = typeof import("chinese-days");
let cd: Lunar;
const originalTz = process.env.TZ;
beforeAll(async () => {
  process.env.TZ = "Asia/Shanghai";
  cd = await import("chinese-days");
});
afterAll(() => {
  process.env.TZ = originalTz;
});

const daysOf = (name: string) => SCHEDULE_2027_PROVISIONAL.holidays.find((h) => h.name === name)!.days;
const nextDay = (date: string) => formatIsoDate(parseIsoDate(date) + 1);

describe("provisional 2027", () => {
  it("puts the lunar holidays where chinese-days converts them", () => {
    const newYear = cd.getSolarDateFromLunar("2027-01-01").date; // 正月初一
    expect(daysOf("春节").slice(0, 4)).toEqual([formatIsoDate(parseIsoDate(newYear) - 1), newYear, nextDay(newYear), nextDay(nextDay(newYear))]);
    // 除夕 is the last day of 腊月 of lunar 2026 (a 29-day month: no 腊月三十).
    expect(cd.getLunarDate(daysOf("春节")[0]!)).toMatchObject({ lunarYear: 2026, lunarMon: 12, lunarDay: 29 });
    expect(cd.getLunarDate(nextDay(daysOf("春节")[0]!))).toMatchObject({ lunarMon: 1, lunarDay: 1 });
    expect(daysOf("端午节")).toEqual([cd.getSolarDateFromLunar("2027-05-05").date]);
    expect(daysOf("中秋节")).toEqual([cd.getSolarDateFromLunar("2027-08-15").date]);
    expect(daysOf("清明节")).toEqual([cd.getSolarTermDate(2027, 4, "pure_brightness")]);
  });

  it("holds the statutory days and a weekday make-up for each that falls on a weekend (第六条), no 调休上班", () => {
    expect(SCHEDULE_2027_PROVISIONAL.provisional).toBe(true);
    expect(SCHEDULE_2027_PROVISIONAL.makeupWorkdays).toEqual([]);
    const statutory: Record<string, number> = { 元旦: 1, 春节: 4, 清明节: 1, 劳动节: 2, 端午节: 1, 中秋节: 1, 国庆节: 3 };
    for (const h of SCHEDULE_2027_PROVISIONAL.holidays) {
      const own = h.days.slice(0, statutory[h.name]);
      const weekendOwn = own.filter((d) => [0, 6].includes(weekdayOfDay(parseIsoDate(d)))).length;
      const extra = h.days.slice(statutory[h.name]);
      expect(extra.length, h.name).toBe(weekendOwn);
      // The make-up days are the working days right after, none of them a weekend.
      for (const d of extra) expect([0, 6], `${h.name} ${d}`).not.toContain(weekdayOfDay(parseIsoDate(d)));
    }
    expect(daysOf("劳动节")).toEqual(["2027-05-01", "2027-05-02", "2027-05-03", "2027-05-04"]);
  });

  it("lets a 10-working-day deadline cross 2026-12-31, with the notice", () => {
    const calendar = defaultCalendar();
    // Fri 2026-12-18 → 12-21 … 12-31 are 1–9, [Fri 2027-01-01 元旦, weekend], 10: Mon 2027-01-04.
    expect(calendar.addWorkingDays("2026-12-18", 10)).toBe("2027-01-04");
    expect(calendar.describeDay("2027-01-01")).toMatchObject({ kind: "holiday", holiday: "元旦" });
    expect(calendar.rosterDeadline("2027-02")).toBe("2027-02-11");
    expect(provisionalNoticeFor(calendar, "2026-12-18", "2027-01-04")).toBe("2027年节假日安排为暂定（按法定节日推算），国务院通知发布后请管理员导入正式安排");
    expect(provisionalNoticeFor(calendar, "2026-11-02", "2026-11-16", null)).toBeNull();
  });
});
