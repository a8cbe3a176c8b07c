import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UseCaseContext } from "@/lib/auth/context";
import { systemActor } from "@/lib/auth/domain/system-actor";
import { ForbiddenError } from "@/lib/errors/app-error";
import { getCoverage } from "@/lib/statistics/get-coverage";
import { drivers, scratchDb, type Scratch } from "../helpers/scratch-db";

// `stats coverage` against a fixture small enough to count by hand, on both
// drivers. Two townships of 隆回县 with one village each, six people:
//   P1 桃洪 dibao since 2026-01-01, enrolled 2026
//   P2 桃洪 tekun 2026-01-01–06-30, then dibao from 07-01 (changed category mid-year), enrolled 2026
//   P3 小沙江 dibao_edge 2026-03-01–10-31 (left), not enrolled
//   P4 小沙江 tekun from 2026-12-15 (not yet), enrolled 2026
//   P5 小沙江 monitored since 2025-01-01, enrolled 2025 only
//   P6 邵东 (another county) dibao, enrolled 2026 — never counted here
// On 2026-11-30: assisted P1 P2 P5 = 3, enrolled P1 P2 = 2, rate 66.67; P2 once, as dibao.
// On 2026-06-30: assisted P1 P2(tekun) P3 P5 = 4, enrolled 2, rate 50.00.

const COUNTY = "430524000000";
const TAOHONG = "430524100000";
const XIAOSHAJIANG = "430524101000";

describe.each(drivers())("coverage statistics on %s", (driver) => {
  let s: Scratch;
  let manager: UseCaseContext;

  beforeAll(async () => {
    s = await scratchDb(driver);
    const q = (text: string, params: unknown[] = []) => s.handle.raw.query(text, params);
    const divisions: [string, string, string, string | null][] = [
      [COUNTY, "隆回县", "county", null],
      [TAOHONG, "桃洪镇", "township", COUNTY],
      [XIAOSHAJIANG, "小沙江镇", "township", COUNTY],
      ["430524100201", "松岭村", "village", TAOHONG],
      ["430524101201", "旺溪村", "village", XIAOSHAJIANG],
      ["430521000000", "邵东县", "county", null],
      ["430521100201", "某村", "village", "430521100000"],
    ];
    for (const [code, name, level, parent] of divisions) {
      await q("insert into divisions (code, name, level, parent_code, valid_from) values ($1, $2, $3, $4, '2020-01-01')", [code, name, level, parent]);
    }
    const people: [string, string][] = [
      ["P1", "430524100201"],
      ["P2", "430524100201"],
      ["P3", "430524101201"],
      ["P4", "430524101201"],
      ["P5", "430524101201"],
      ["P6", "430521100201"],
    ];
    const ids: Record<string, string> = {};
    for (const [i, [key, village]] of people.entries()) {
      // Clear ID column (allowed for rows from before encryption): the statistics never read it.
      const [row] = await q("insert into people (id_number, name, sex, birth_date, division_code) values ($1, $2, 'female', '1960-01-01', $3) returning id", [
        `43052419600101${String(1000 + i)}`,
        `测试${key}`,
        village,
      ]);
      ids[key] = (row as { id: string }).id;
    }
    const categories: [string, string, string, string | null][] = [
      ["P1", "dibao", "2026-01-01", null],
      ["P2", "tekun", "2026-01-01", "2026-06-30"],
      ["P2", "dibao", "2026-07-01", null],
      ["P3", "dibao_edge", "2026-03-01", "2026-10-31"],
      ["P4", "tekun", "2026-12-15", null],
      ["P5", "monitored", "2025-01-01", null],
      ["P6", "dibao", "2026-01-01", null],
    ];
    for (const [key, category, from, to] of categories) {
      await q("insert into person_categories (person_id, category, from_date, to_date, source) values ($1, $2, $3, $4, 'fixture')", [ids[key], category, from, to]);
    }
    const enrolled: [string, number][] = [["P1", 2026], ["P2", 2026], ["P4", 2026], ["P5", 2025], ["P6", 2026]];
    for (const [key, year] of enrolled) {
      await q("insert into enrolments (person_id, year, contribution, paid_on) values ($1, $2, '380.00', $3)", [ids[key], year, `${year - 1}-11-01`]);
    }
    manager = { db: s.handle.db, actor: systemActor("medical_security", COUNTY, "manager") };
  }, 120_000);
  afterAll(async () => {
    await s?.drop();
  });

  it("the county on 2026-11-30: each person once, in the category of that day; the townships add up to it", async () => {
    const c = await getCoverage(manager, { on: "2026-11-30" });
    expect(c).toEqual({
      division: COUNTY,
      on: "2026-11-30",
      assisted: 3,
      enrolled: 2,
      rate: "66.67",
      target: null, // no policy is activated in this fixture
      byCategory: { dibao: 2, monitored: 1 },
      children: [
        { division: TAOHONG, name: "桃洪镇", assisted: 2, enrolled: 2, rate: "100.00" },
        { division: XIAOSHAJIANG, name: "小沙江镇", assisted: 1, enrolled: 0, rate: "0.00" },
      ],
    });
  });

  it("mid-year: the category held that day, and whoever has left since still counts then", async () => {
    const c = await getCoverage(manager, { on: "2026-06-30" });
    expect(c).toMatchObject({ assisted: 4, enrolled: 2, rate: "50.00", byCategory: { dibao: 1, tekun: 1, dibao_edge: 1, monitored: 1 } });
  });

  it("a township and its villages; another township's figures are refused", async () => {
    const c = await getCoverage(manager, { on: "2026-11-30", division: TAOHONG });
    expect(c.children).toEqual([{ division: "430524100201", name: "松岭村", assisted: 2, enrolled: 2, rate: "100.00" }]);
    const clerk = { db: s.handle.db, actor: systemActor("township", XIAOSHAJIANG, "clerk") };
    await expect(getCoverage(clerk, { on: "2026-11-30", division: TAOHONG })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getCoverage(clerk, { on: "2026-11-30" })).assisted).toBe(1);
  });

  it("bad input names the field", async () => {
    await expect(getCoverage(manager, { on: "2026-02-30" })).rejects.toMatchObject({ field: "on" });
    await expect(getCoverage(manager, { on: "2026-11-30", division: "4305" })).rejects.toMatchObject({ field: "division" });
  });
});
