import { describe, expect, it } from "vitest";
import { defaultCalendar } from "@/lib/calendar/domain/default-calendar";
import { buildNoticeRows, groupByVillage, totalOf } from "./notice-rows";
import { noticeStatus } from "./notice-status";
import { postingWindow } from "./posting-window";
import { parseYearQuarter, quarterOf, quarterRange } from "./quarter";

describe("quarters", () => {
  it("31 March is Q1, 1 April is Q2; the year's edges", () => {
    expect(quarterOf("2026-03-31")).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf("2026-04-01")).toEqual({ year: 2026, quarter: 2 });
    expect(quarterOf("2026-12-31")).toEqual({ year: 2026, quarter: 4 });
    expect(quarterOf("2027-01-01")).toEqual({ year: 2027, quarter: 1 });
    expect(quarterRange({ year: 2026, quarter: 3 })).toEqual({ from: "2026-07-01", to: "2026-09-30" });
  });
  it("parses with a message naming the field", () => {
    expect(parseYearQuarter("2026", "5")).toMatchObject({ ok: false, field: "quarter" });
    expect(parseYearQuarter("26", 1)).toMatchObject({ ok: false, field: "year" });
  });
});

describe("the 5-working-day posting window", () => {
  const cal = defaultCalendar();
  it("counts the publication day as day 1 and skips 国庆节 (2026 and 2025)", () => {
    // 2026-09-30 Wed, then 10-08 Thu, 10-09 Fri, 10-10 Sat (调休上班), 10-12 Mon.
    expect(postingWindow("2026-09-30", cal)).toEqual({ start: "2026-09-30", end: "2026-10-12", workingDays: 5 });
    // 2025-09-30 Tue, then 10-09, 10-10, 10-11 Sat (调休上班), 10-13.
    expect(postingWindow("2025-09-30", cal).end).toBe("2025-10-13");
  });
  it("an ordinary week, and a Saturday publication counting from Monday", () => {
    expect(postingWindow("2026-11-16", cal).end).toBe("2026-11-20");
    expect(postingWindow("2026-11-14", cal)).toEqual({ start: "2026-11-14", end: "2026-11-20", workingDays: 5 });
  });
});

describe("status over time", () => {
  const n = { status: "published" as const, windowStart: "2026-11-16", windowEnd: "2026-11-20" };
  it("draft → in window → closed", () => {
    expect(noticeStatus({ status: "draft", windowStart: null, windowEnd: null }, "2026-11-16")).toBe("draft");
    expect(noticeStatus(n, "2026-11-15")).toBe("published");
    expect(noticeStatus(n, "2026-11-16")).toBe("in_window");
    expect(noticeStatus(n, "2026-11-20")).toBe("in_window");
    expect(noticeStatus(n, "2026-11-21")).toBe("closed");
  });
});

describe("rows", () => {
  const base = { villageCode: "430524100201", villageName: "桃花村", category: "dibao" };
  it("masked name, Chinese category, exact amount, approval order; nothing else", () => {
    const rows = buildNoticeRows([
      { ...base, applicationId: "b", personName: "王大山", approvedAmount: "1200.1", approvedOn: "2026-03-31" },
      { ...base, applicationId: "a", personName: "李四", approvedAmount: "0.01", approvedOn: "2026-01-05", category: null },
    ]);
    expect(rows).toEqual([
      { seq: 1, applicationId: "a", maskedName: "李*", villageName: "桃花村", categoryName: "其他救助对象", amount: "0.01", approvedOn: "2026-01-05" },
      { seq: 2, applicationId: "b", maskedName: "王*山", villageName: "桃花村", categoryName: "低保对象", amount: "1200.10", approvedOn: "2026-03-31" },
    ]);
    expect(totalOf([{ amount: "0.10" }, { amount: "0.20" }])).toBe("0.30");
    expect([...groupByVillage([{ villageCode: "2" }, { villageCode: "1" }, { villageCode: "2" }]).entries()].map(([k, v]) => [k, v.length])).toEqual([["1", 1], ["2", 2]]);
  });
});
