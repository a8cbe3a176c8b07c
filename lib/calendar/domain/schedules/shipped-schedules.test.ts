import { describe, expect, it } from "vitest";
import { defaultCalendar } from "../default-calendar";

// What the 2024–2026 notices say about the three long holidays, day by day.
const calendar = defaultCalendar();

function expectOff(...dates: string[]) {
  for (const date of dates) expect(calendar.isWorkingDay(date), `${date} should be off`).toBe(false);
}
function expectWorking(...dates: string[]) {
  for (const date of dates) expect(calendar.isWorkingDay(date), `${date} should be a working day`).toBe(true);
}
function range(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

describe("shipped schedules", () => {
  it("covers 2019 through 2026 from the notices, and 2027 provisionally", () => {
    expect(calendar.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(calendar.provisionalYears).toEqual([2027]);
  });

  it("2024 (国办发明电〔2023〕7号)", () => {
    // 春节 2月10日至17日, 2月4日（日）、2月18日（日）上班
    expectOff(...range("2024-02-10", "2024-02-17"));
    expectWorking("2024-02-04", "2024-02-18", "2024-02-09");
    // 劳动节 5月1日至5日, 4月28日（日）、5月11日（六）上班
    expectOff(...range("2024-05-01", "2024-05-05"));
    expectWorking("2024-04-28", "2024-05-11", "2024-05-06");
    // 国庆节 10月1日至7日, 9月29日（日）、10月12日（六）上班
    expectOff(...range("2024-10-01", "2024-10-07"));
    expectWorking("2024-09-29", "2024-10-12", "2024-10-08");
    expectOff("2024-10-13");
  });

  it("2025 (国办发明电〔2024〕12号)", () => {
    // 春节 1月28日至2月4日, 1月26日（日）、2月8日（六）上班
    expectWorking("2025-01-26", "2025-01-27", "2025-02-05", "2025-02-08");
    expectOff("2025-01-25", ...range("2025-01-28", "2025-02-04"), "2025-02-09");
    // 劳动节 5月1日至5日, 4月27日（日）上班
    expectOff(...range("2025-05-01", "2025-05-05"));
    expectWorking("2025-04-27", "2025-05-06");
    expectOff("2025-05-10");
    // 国庆节、中秋节 10月1日至8日, 9月28日（日）、10月11日（六）上班
    expectOff(...range("2025-10-01", "2025-10-08"));
    expectWorking("2025-09-28", "2025-09-30", "2025-10-09", "2025-10-11");
    expect(calendar.describeDay("2025-10-06")).toEqual({ date: "2025-10-06", working: false, kind: "holiday", holiday: "国庆节、中秋节" });
    expect(calendar.describeDay("2025-01-26")).toEqual({ date: "2025-01-26", working: true, kind: "makeup" });
    expect(calendar.describeDay("2025-03-08")).toEqual({ date: "2025-03-08", working: false, kind: "weekend" });
    expect(calendar.describeDay("2025-03-07")).toEqual({ date: "2025-03-07", working: true, kind: "workday" });
  });

  it("2026 (国务院办公厅关于2026年部分节假日安排的通知，2025年11月4日)", () => {
    // 春节 2月15日至23日（9天）, 2月14日（六）、2月28日（六）上班
    expectOff(...range("2026-02-15", "2026-02-23"));
    expectWorking("2026-02-14", "2026-02-24", "2026-02-28");
    // 劳动节 5月1日至5日, 5月9日（六）上班
    expectOff(...range("2026-05-01", "2026-05-05"));
    expectWorking("2026-05-06", "2026-05-09");
    // 国庆节 10月1日至7日, 9月20日（日）、10月10日（六）上班
    expectOff(...range("2026-10-01", "2026-10-07"));
    expectWorking("2026-09-20", "2026-10-08", "2026-10-10");
    // 元旦 1月1日至3日, 1月4日（日）上班
    expectOff("2026-01-01", "2026-01-02");
    expectWorking("2026-01-04");
  });

  it("counts the working days of whole years (weekdays − weekday holidays + make-up days)", () => {
    // 2024: 262 weekdays − 19 weekday holidays + 8 make-up days
    expect(calendar.workingDaysBetween("2023-12-31", "2024-12-31")).toBe(251);
    // 2025: 261 − 18 + 5
    expect(calendar.workingDaysBetween("2024-12-31", "2025-12-31")).toBe(248);
    // 2026: 261 − 19 + 6
    expect(calendar.workingDaysBetween("2025-12-31", "2026-12-31")).toBe(248);
  });

  it("2020: the extended Spring Festival turned Saturday 1 February into a day off", () => {
    expectOff("2020-02-01", "2020-02-02");
    expectWorking("2020-01-19", "2020-02-03");
  });
});
