import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { timelinessFacts } from "@/db/queries/application-timeliness";
import { aggregateTimeliness, workingDayOrdinals } from "@/lib/applications/domain/timeliness";
import { getTimeliness } from "@/lib/applications/get-timeliness";
import type { UseCaseContext } from "@/lib/auth/context";
import { systemActor } from "@/lib/auth/domain/system-actor";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-working-day-calendar";
import { drivers } from "../helpers/scratch-db";
import { COUNTY, NOW, TAOHONG, XIAOSHAJIANG, statsFixture, type StatsFixture } from "./stats-fixture";

// 办理时效 reads stored facts (migration 0028), recounted for a township when
// its cases changed or the calendar did. On the hand-counted fixture
// (stats-fixture.ts; today 2026-12-02), cases accepted in 2026:
//   A1 桃洪镇 paid: township 11-02 → 11-10 = 6 working days, county 11-10 → 11-20 = 8, payment 11-20 → 11-27 = 5;
//   A2 桃洪镇 refused by the township: 10-09 → 11-09 = 22 working days, late;
//   A3 小沙江镇 township_review, due 11-30: open and overdue.
// Each change below is made with plain SQL, as any writer might, and the view
// must show it on the next read, equal to the facts counted from the cases.

type Cell = { onTime: number; late: number; open: number; openOverdue: number; averageDays: string | null };
const cell = (onTime: number, late: number, open: number, openOverdue: number, averageDays: string | null): Cell => ({ onTime, late, open, openOverdue, averageDays });

describe.each(drivers())("办理时效 from the stored facts on %s", (driver) => {
  let f: StatsFixture;
  let manager: UseCaseContext;
  const q = (text: string, params: unknown[] = []) => f.s.handle.raw.query(text, params);
  const view = async () => {
    const v = await getTimeliness(manager, { year: "2026" });
    return Object.fromEntries([...v.rows, v.total].map((r) => [r.townshipName, r.steps]));
  };
  // The oracle: the facts counted from the cases on this request (the query the dashboard uses).
  const counted = async () => {
    const calendar = await loadWorkingDayCalendar(f.s.handle.db);
    const facts = await timelinessFacts(f.s.handle.db, { prefix: "430524", year: 2026, today: "2026-12-02", ...workingDayOrdinals(calendar) });
    const t = aggregateTimeliness(facts, [{ code: TAOHONG, name: "桃洪镇" }, { code: XIAOSHAJIANG, name: "小沙江镇" }], "隆回县合计");
    return Object.fromEntries([...t.rows, t.total].map((r) => [r.townshipName, r.steps]));
  };

  beforeAll(async () => {
    f = await statsFixture(driver);
    manager = { db: f.s.handle.db, actor: systemActor("medical_security", COUNTY, "manager"), now: () => NOW };
  }, 120_000);
  afterAll(async () => {
    await f?.s.drop();
  });

  it("the hand-counted figures, then kept when nothing changed (no recount)", async () => {
    const v = await view();
    expect(v["桃洪镇"]).toEqual({ township: cell(1, 1, 0, 0, "14.0"), county: cell(1, 0, 0, 0, "8.0"), payment: cell(1, 0, 0, 0, "5.0") });
    expect(v["小沙江镇"]).toEqual({ township: cell(0, 0, 1, 1, null), county: cell(0, 0, 0, 0, null), payment: cell(0, 0, 0, 0, null) });
    expect(v).toEqual(await counted());
    // Counted: no change is left, and the next read sums the stored rows without recounting them
    // (a row altered behind its back shows, and is put back).
    // (A5 in another county keeps its change row: this view's scope is 隆回县.)
    expect(await q("select township_code from application_timeliness_changes where year = 2026")).toEqual([{ township_code: "430521100000" }]);
    await q("update application_timeliness_facts set cases = cases + 100 where year = 2026 and step = 'payment' and done");
    expect((await view())["桃洪镇"]!.payment.onTime).toBe(101);
    await q("update application_timeliness_facts set cases = cases - 100 where year = 2026 and step = 'payment' and done");
    expect(await view()).toEqual(v);
  });

  it("a case forwarded by plain SQL: the township's figures move on the next read", async () => {
    await q("update applications set state = 'forwarded', forwarded_on = '2026-11-27', due_on = '2026-12-11' where case_no = 'A3'");
    const v = await view();
    // A3: 11-16 → 11-27 = 9 working days, on time; now open in the county step, not yet due.
    expect(v["小沙江镇"]).toEqual({ township: cell(1, 0, 0, 0, "9.0"), county: cell(0, 0, 1, 0, null), payment: cell(0, 0, 0, 0, null) });
    expect(v["桃洪镇"]!.township).toEqual(cell(1, 1, 0, 0, "14.0"));
    expect(v).toEqual(await counted());
  });

  it("a 退回补正 and its resumption recorded as transitions: the paused days are left out", async () => {
    const [a2] = (await q("select id from applications where case_no = 'A2'")) as { id: string }[];
    // Returned on 10-10 (a make-up Saturday: 1 working day used), resumed 10-20 (7 working days paused), refused 11-09: 22 − 7 = 15, still late.
    await q(
      `insert into application_transitions (application_id, action, from_state, to_state, on_date) values
         ($1, 'return_for_documents', 'township_review', 'returned', '2026-10-10'),
         ($1, 'resume_review', 'returned', 'township_review', '2026-10-20'),
         ($1, 'refuse', 'township_review', 'refused', '2026-11-09')`,
      [a2!.id],
    );
    const v = await view();
    expect(v["桃洪镇"]!.township).toEqual(cell(1, 1, 0, 0, "10.5"));
    expect(v).toEqual(await counted());
  });

  it("a new version of the year's holiday schedule: every township is recounted with it", async () => {
    const [row] = (await q("select schedule from holiday_schedules where year = 2026 order by version desc limit 1")) as { schedule: { holidays: { name: string; days: string[] }[] } }[];
    const schedule = row!.schedule;
    // 2026-11-04 … 11-06 (Wed–Fri) made days off: A1's township step 11-02 → 11-10 takes 3 working days instead of 6,
    // A2's 22 − 3 − 7 = 12 (still late).
    const changed = { ...schedule, holidays: [...schedule.holidays, { name: "测试假日", days: ["2026-11-04", "2026-11-05", "2026-11-06"] }] };
    await q(
      "insert into holiday_schedules (year, version, schedule, note) select year, version + 1, $1::jsonb, '测试' from holiday_schedules where year = 2026 order by version desc limit 1",
      [JSON.stringify(changed)],
    );
    const v = await view();
    expect(v["桃洪镇"]!.township).toEqual(cell(1, 1, 0, 0, "7.5"));
    expect(v).toEqual(await counted());
  });
});
