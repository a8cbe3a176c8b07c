import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getRosterBoard } from "@/lib/rosters/get-roster-board";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// The demo county's rosters, as a new user finds them after `npm start`:
// lists of four departments over four months, imported and consolidated
// through the real use cases.

describe.each(drivers())("demo rosters on %s", (driver) => {
  let s: Scratch;
  beforeAll(async () => {
    s = await seededDb(driver, { full: true });
  });
  afterAll(async () => s?.drop());

  const one = async <T>(sql: string) => (await s.handle.raw.query<T>(sql))[0]!;

  it("puts about a third of the residents on some list, dozens on two, and consolidates three months", async () => {
    const r = await one<{ listed: number; residents: number; multi: number; subs: number; runs: number }>(`
      select (select count(distinct person_id) from department_memberships where to_date is null)::int as listed,
             (select count(*) from people)::int as residents,
             (select count(*) from (select person_id from department_memberships where from_date <= '2026-11-01' and (to_date is null or to_date >= '2026-11-01') group by person_id having count(*) > 1) m)::int as multi,
             (select count(*) from roster_submissions)::int as subs,
             (select count(*) from consolidations)::int as runs`);
    expect(r.listed / r.residents).toBeGreaterThan(0.3);
    expect(r.listed / r.residents).toBeLessThan(0.4);
    expect(r.multi).toBeGreaterThan(50);
    expect(r.subs).toBe(14);
    expect(r.runs).toBe(3);
  });

  it("shows late and outstanding lists on the board", async () => {
    // Judged on 2026-12-10, after the December deadline (the 5th was a Saturday: 12-07).
    const board = await getRosterBoard(await contextOf(s, "yibao.clerk"), { today: "2026-12-10" });
    const status = (month: string) => Object.fromEntries(board.months.find((m) => m.month === month)!.cells.map((c) => [c.department, c.status]));
    expect(board.months.map((m) => m.month)).toEqual(["2026-12", "2026-11", "2026-10", "2026-09"]);
    expect(status("2026-12")).toEqual({ civil_affairs: "on_time", rural_revitalization: "on_time", veterans: "missing", disability: "missing" });
    expect(status("2026-11").disability).toBe("late");
    expect(status("2026-10").veterans).toBe("late");
    expect(board.months.find((m) => m.month === "2026-11")!.consolidation.status).toBe("done");
    expect(board.months.find((m) => m.month === "2026-12")!.consolidation).toMatchObject({ status: "pending", runs: 0 });
  });
});
