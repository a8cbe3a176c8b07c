import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { auditLog, holidaySchedules } from "@/db/schema";
import { seedHolidaySchedules } from "@/seed/calendar";
import { MissingScheduleError } from "@/lib/calendar/domain/calendar-errors";
import { SCHEDULE_2026 } from "@/lib/calendar/domain/schedules/2026";
import type { YearSchedule } from "@/lib/calendar/domain/schedule-schema";
import { computeDeadlines } from "@/lib/calendar/compute-deadlines";
import { getYearCalendar } from "@/lib/calendar/get-year-calendar";
import { listHolidaySchedules } from "@/lib/calendar/list-holiday-schedules";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-working-day-calendar";
import { loadYearSchedule } from "@/lib/calendar/load-year-schedule";
import { drivers, scratchDb, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// Test data, not the real 2027 notice: Fri 2027-01-01 … Sun 01-03 元旦, Sun 2027-09-26 worked.
const SCHEDULE_2027: YearSchedule = {
  year: 2027,
  holidays: [
    { name: "元旦", days: ["2027-01-01", "2027-01-02", "2027-01-03"] },
    { name: "国庆节", days: ["2027-10-01", "2027-10-02", "2027-10-03", "2027-10-04", "2027-10-05", "2027-10-06", "2027-10-07"] },
  ],
  makeupWorkdays: ["2027-09-26", "2027-10-09"],
  source: "测试用：2027年部分节假日安排（示例数据）",
};

async function rejection(promise: Promise<unknown>): Promise<{ code?: string; field?: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    return err as { code?: string; field?: string; message: string };
  }
  throw new Error("expected a rejection");
}

describe.each(drivers())("calendar administration on %s", (driver) => {
  let s: Scratch;
  beforeAll(async () => {
    s = await seededDb(driver);
  });
  afterAll(async () => s?.drop());

  const versions = () =>
    s.handle.db.select({ year: holidaySchedules.year, version: holidaySchedules.version }).from(holidaySchedules).orderBy(asc(holidaySchedules.year), asc(holidaySchedules.version));
  const audits = (action: string) => s.handle.db.select().from(auditLog).where(eq(auditLog.action, action));

  it("the seed stores the eight shipped years and provisional 2027 as version 1, and the database calendar uses them", async () => {
    expect(await versions()).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027].map((year) => ({ year, version: 1 })));
    const calendar = await loadWorkingDayCalendar(s.handle.db);
    expect(calendar.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(calendar.provisionalYears).toEqual([2027]);
    expect(calendar.addWorkingDays("2025-09-26", 10)).toBe("2025-10-16");
    // Unchanged table: the cached calendar is reused.
    expect(await loadWorkingDayCalendar(s.handle.db)).toBe(calendar);
    const list = await listHolidaySchedules(await contextOf(s, "admin"));
    expect(list.years.find((y) => y.year === 2025)).toMatchObject({ version: 1, holidayDays: 28, makeupDays: 5, loadedBy: null });
  });

  it("shows every day of a year with its kind", async () => {
    const year = await getYearCalendar(await contextOf(s, "admin"), "2025");
    expect(year.months.map((m) => m.days.length)).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    const day = (date: string) => year.months[Number(date.slice(5, 7)) - 1]!.days.find((d) => d.date === date);
    expect(day("2025-10-01")).toMatchObject({ kind: "holiday", holiday: "国庆节、中秋节", weekday: 3 });
    expect(day("2025-09-28")).toMatchObject({ kind: "makeup", weekday: 0 });
    expect(day("2025-09-27")).toMatchObject({ kind: "weekend" });
    expect(day("2025-09-29")).toMatchObject({ kind: "workday" });
    // 261 weekdays − 18 weekday holidays; 104 weekend days − 10 in holidays − 5 worked.
    expect(year.totals).toEqual({ workday: 243, weekend: 89, holiday: 28, makeup: 5 });
    expect(await rejection(getYearCalendar(await contextOf(s, "admin"), "2031"))).toMatchObject({ field: "year", message: expect.stringContaining("2031年的法定节假日安排尚未导入") });
    expect(await rejection(getYearCalendar(await contextOf(s, "admin"), "20x5"))).toMatchObject({ field: "year" });
  });

  it("a corrected 2026 takes effect at once; loading the same content again changes nothing", async () => {
    const admin = await contextOf(s, "admin");
    const before = await loadWorkingDayCalendar(s.handle.db);
    // Mon 2026-03-09 → 1: Tue 03-10.
    expect(before.addWorkingDays("2026-03-09", 1)).toBe("2026-03-10");
    const corrected = { ...SCHEDULE_2026, holidays: [...SCHEDULE_2026.holidays, { name: "更正测试日", days: ["2026-03-10"] }] };
    const result = await loadYearSchedule(admin, JSON.stringify(corrected), "更正：测试");
    expect(result).toMatchObject({ year: 2026, version: 2, changed: true, changes: { holidaysAdded: ["2026-03-10"], holidaysRemoved: [] } });

    const after = await loadWorkingDayCalendar(s.handle.db);
    expect(after.addWorkingDays("2026-03-09", 1)).toBe("2026-03-11");
    expect((await computeDeadlines(admin, { date: "2026-03-09", n: "1" })).add?.result).toBe("2026-03-11");
    const [audit] = await audits("calendar.load_schedule");
    expect(audit).toMatchObject({ username: "admin", objectId: "2026", outcome: "success" });
    expect(audit!.detail).toMatchObject({ before: { version: 1 }, after: { version: 2, holidays: expect.arrayContaining(["更正测试日 2026-03-10～2026-03-10（1天）"]) }, note: "更正：测试" });

    // Same arrangement, other key and day order: no version, no audit row.
    const reordered = { source: corrected.source, makeupWorkdays: [...corrected.makeupWorkdays].reverse(), holidays: [...corrected.holidays].reverse(), year: 2026 };
    expect(await loadYearSchedule(admin, reordered)).toEqual({ year: 2026, version: 2, changed: false });
    expect((await versions()).filter((v) => v.year === 2026)).toHaveLength(2);
    expect(await audits("calendar.load_schedule")).toHaveLength(1);
    const year = await getYearCalendar(admin, 2026);
    expect(year.history.map((h) => [h.version, h.loadedBy])).toEqual([[2, "系统管理员"], [1, null]]);
  });

  it("2027 is provisional until the official notice is loaded: the deadline crossing 2026-12-31 computes and says so", async () => {
    const admin = await contextOf(s, "admin");
    const notice = "2027年节假日安排为暂定（按法定节日推算），国务院通知发布后请管理员导入正式安排";
    // The shipped estimate: Fri 2026-12-18 + 10 → 12-21 … 12-31 are 1–9, [Fri 2027-01-01 元旦, weekend], 10: Mon 01-04.
    const provisional = await computeDeadlines(admin, { date: "2026-12-18", n: "10", month: "2027-01" });
    expect(provisional.add).toMatchObject({ result: "2027-01-04", provisionalNotice: notice });
    expect(provisional.roster).toMatchObject({ result: "2027-01-05", provisionalNotice: notice });
    expect((await computeDeadlines(admin, { date: "2026-12-01", n: "3" })).add).toMatchObject({ result: "2026-12-04", provisionalNotice: null });
    expect((await listHolidaySchedules(admin)).years.find((y) => y.year === 2027)).toMatchObject({ version: 1, provisionalNotice: notice, loadedBy: null });
    expect((await listHolidaySchedules(admin)).years.find((y) => y.year === 2026)).toMatchObject({ provisionalNotice: null });
    expect(await getYearCalendar(admin, 2027)).toMatchObject({ provisionalNotice: notice, totals: { holiday: 19, makeup: 0 } });
    // A year beyond: still refused, never a weekday guess.
    expect(await rejection(computeDeadlines(admin, { month: "2028-01" }))).toMatchObject({ field: "month", message: expect.stringContaining("2028年的法定节假日安排尚未导入") });
    expect(await rejection(computeDeadlines(admin, { date: "2027-12-24", n: "10" }))).toMatchObject({ field: "n" });

    // The administrator loads the (test) official notice: version 2, not provisional, in force at once.
    expect(await loadYearSchedule(admin, JSON.stringify(SCHEDULE_2027, null, 2))).toMatchObject({ year: 2027, version: 2, changed: true });
    const calendar = await loadWorkingDayCalendar(s.handle.db);
    expect(calendar.provisionalYears).toEqual([]);
    // Fri 2026-12-25 → 4: Thu 12-31, [2027-01-01 … 01-03 元旦], 5: Mon 2027-01-04.
    expect(calendar.addWorkingDays("2026-12-25", 5)).toBe("2027-01-04");
    expect((await computeDeadlines(admin, { month: "2027-10" })).roster).toMatchObject({ result: "2027-10-08", fifth: { kind: "holiday", holiday: "国庆节" }, provisionalNotice: null });
    const listed = (await listHolidaySchedules(admin)).years.find((y) => y.year === 2027);
    expect(listed).toMatchObject({ version: 2, source: SCHEDULE_2027.source, loadedBy: "系统管理员", holidayDays: 10, makeupDays: 2, provisionalNotice: null });
    expect((await getYearCalendar(admin, 2027)).provisionalNotice).toBeNull();
  });

  it("bad JSON, bad dates, a weekday make-up day or a contradiction are field errors, and nothing is stored", async () => {
    const admin = await contextOf(s, "admin");
    const stored = await versions();
    const json = (s: unknown) => JSON.stringify(s);
    const cases: [unknown, string][] = [
      ["", "请粘贴节假日安排的 JSON 内容"],
      ['{ "year": 2028,\n  "holidays" [] }', "不是有效的 JSON：第 2 行第 14 列（「[] }」处）有误"],
      ['{ "year": 2028, “holidays”: [] }', "JSON 的引号、逗号、冒号和括号须用英文半角"],
      [json({ ...SCHEDULE_2027, year: 2028, holidays: [{ name: "元旦", days: ["2028-01-01", "2028-02-30"] }], makeupWorkdays: [] }), "holidays[0].days[1]：“2028-02-30”不是有效日期（应为 YYYY-MM-DD）"],
      [json({ ...SCHEDULE_2027, makeupWorkdays: ["2027-01-04"] }), "makeupWorkdays[0]：“2027-01-04”是星期一，调休上班日只能是星期六或星期日"],
      [json({ year: 2028, holidays: [] }), "节假日安排有 3 处错误，未保存任何内容：\nholidays：至少要有一个节日\nmakeupWorkdays：缺少此字段\nsource：缺少此字段"],
      // 2019's notice makes Sat 2018-12-29 a make-up working day; a 2018 schedule may not call it a holiday.
      [json({ year: 2018, holidays: [{ name: "元旦", days: ["2018-12-29"] }], makeupWorkdays: [], source: "测试用" }), "对“2018-12-29”的规定不一致"],
    ];
    for (const [input, message] of cases) {
      expect(await rejection(loadYearSchedule(admin, input))).toMatchObject({ code: "invalid", field: "schedule", message: expect.stringContaining(message) });
    }
    expect(await rejection(loadYearSchedule(admin, json(SCHEDULE_2027), "长".repeat(201)))).toMatchObject({ field: "note" });
    expect(await versions()).toEqual(stored);
    expect((await audits("calendar.load_schedule")).map((a) => a.objectId)).toEqual(["2026", "2027"]);
  });

  it("the deadline tool names the field of bad input", async () => {
    const admin = await contextOf(s, "admin");
    const ok = await computeDeadlines(admin, { date: "2025-09-26", n: "10", month: "2025-10" });
    expect(ok.add?.result).toBe("2025-10-16");
    expect(ok.add?.steps.filter((d) => d.counted !== null).map((d) => d.counted)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(ok.add?.steps[0]).toMatchObject({ date: "2025-09-27", kind: "weekend", counted: null });
    expect(ok.roster).toMatchObject({ month: "2025-10", result: "2025-10-09" });
    expect(await computeDeadlines(admin, {})).toEqual({ add: null, roster: null });
    for (const [q, field] of [[{ date: "2025-02-30", n: "1" }, "date"], [{ date: "2025-02-03", n: "-1" }, "n"], [{ date: "2025-02-03" }, "n"], [{ n: "3" }, "date"], [{ month: "2025-13" }, "month"], [{ date: "2018-06-01", n: "1" }, "date"]] as const) {
      expect(await rejection(computeDeadlines(admin, q))).toMatchObject({ code: "invalid", field });
    }
  });

  it("refuses a non-admin, audits the refusal and stores nothing", async () => {
    const manager = await contextOf(s, "yibao.manager");
    const stored = await versions();
    expect(await rejection(loadYearSchedule(manager, JSON.stringify({ ...SCHEDULE_2027, source: "越权" })))).toMatchObject({ code: "forbidden" });
    expect(await rejection(listHolidaySchedules(await contextOf(s, "yibao.clerk")))).toMatchObject({ code: "forbidden" });
    expect(await versions()).toEqual(stored);
    const refused = await s.handle.db.select().from(auditLog).where(and(eq(auditLog.action, "calendar.manage"), eq(auditLog.outcome, "refused")));
    expect(refused.map((r) => r.username).sort()).toEqual(["yibao.clerk", "yibao.manager"]);
  });
});

describe.each(drivers())("a database without holiday schedules on %s", (driver) => {
  let s: Scratch;
  beforeAll(async () => {
    s = await scratchDb(driver);
  });
  afterAll(async () => s?.drop());

  it("has no calendar (never a weekday guess) until the shipped years are stored, once", async () => {
    await expect(loadWorkingDayCalendar(s.handle.db).then((c) => c.rosterDeadline("2025-10"))).rejects.toBeInstanceOf(MissingScheduleError);
    expect(await seedHolidaySchedules(s.handle.db)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect((await loadWorkingDayCalendar(s.handle.db)).rosterDeadline("2025-10")).toBe("2025-10-09");
    expect(await seedHolidaySchedules(s.handle.db)).toEqual([]);
    expect(await s.handle.db.select().from(holidaySchedules)).toHaveLength(9);
  });
});
