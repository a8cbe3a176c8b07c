import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPeopleFilterOptions } from "@/lib/people/get-people-filter-options";
import { listPeople } from "@/lib/people/list-people";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// The people list's filters (乡镇, 村, 当前救助类别) are applied in the query
// together with the jurisdiction; a township clerk's picker offers only their
// township and a code from elsewhere is refused with a message. Village names
// repeat across townships (松岭村: 桃洪镇 and 小沙江镇), so rows print both.

const TAOHONG = "430524100000";
const XIAOSHAJIANG = "430524101000";
const SONGLING_TAOHONG = "430524100211";
const SONGLING_XIAOSHAJIANG = "430524101201";

describe.each(drivers())("people list filters on %s", (driver) => {
  let s: Scratch;
  beforeAll(async () => {
    s = await seededDb(driver);
  });
  afterAll(async () => s?.drop());

  it("narrows to a township and to a village, and prints the township beside the repeated village name", async () => {
    const county = await contextOf(s, "yibao.clerk");
    const town = await listPeople(county, { township: XIAOSHAJIANG, page: 1 });
    expect(town.total).toBeGreaterThan(0);
    expect(town.rows.every((r) => r.divisionCode.startsWith("430524101") && r.place.startsWith("小沙江镇 "))).toBe(true);

    const a = await listPeople(county, { township: TAOHONG, village: SONGLING_TAOHONG, page: 1 });
    const b = await listPeople(county, { village: SONGLING_XIAOSHAJIANG, page: 1 });
    expect(a.total).toBeGreaterThan(0);
    expect(b.total).toBeGreaterThan(0);
    expect(new Set(a.rows.map((r) => r.place))).toEqual(new Set(["桃洪镇 松岭村"]));
    expect(new Set(b.rows.map((r) => r.place))).toEqual(new Set(["小沙江镇 松岭村"]));
    await expect(listPeople(county, { township: TAOHONG, village: SONGLING_XIAOSHAJIANG, page: 1 })).rejects.toMatchObject({ field: "village", message: expect.stringContaining("不属于所选乡镇") });
    await expect(listPeople(county, { village: XIAOSHAJIANG, page: 1 })).rejects.toMatchObject({ field: "village" });
    await expect(listPeople(county, { category: "nobody", page: 1 })).rejects.toMatchObject({ field: "category" });
  });

  it("offers a township clerk only their township, and refuses another township's or village's code with a message, audited", async () => {
    const clerk = await contextOf(s, "taohong.clerk");
    const options = await getPeopleFilterOptions(clerk);
    expect(options.townships.map((t) => t.name)).toEqual(["桃洪镇"]);
    expect(options.townships[0]!.villages.map((v) => v.code)).toContain(SONGLING_TAOHONG);
    expect((await getPeopleFilterOptions(await contextOf(s, "yibao.clerk"))).townships).toHaveLength(10);

    const before = (await s.handle.raw.query("select 1 from audit_log where action = 'people.view' and outcome = 'refused'")).length;
    for (const input of [{ township: XIAOSHAJIANG }, { village: SONGLING_XIAOSHAJIANG }]) {
      await expect(listPeople(clerk, { ...input, page: 1 })).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("不在您的管辖范围内") });
    }
    expect((await s.handle.raw.query("select 1 from audit_log where action = 'people.view' and outcome = 'refused'")).length).toBe(before + 2);
    const own = await listPeople(clerk, { township: TAOHONG, village: SONGLING_TAOHONG, page: 1 });
    expect(own.rows.every((r) => r.divisionCode === SONGLING_TAOHONG)).toBe(true);
  });

  it("filters by the category held today, not one that has ended", async () => {
    const [current, ended] = await s.handle.raw.query<{ id: string }>("select id from people where division_code = $1 order by id limit 2", [SONGLING_TAOHONG]);
    await s.handle.raw.query(
      `insert into person_categories (person_id, category, from_date, to_date, source) values
         ($1, 'dibao', '2020-01-01', null, 'civil_affairs 2020-01'), ($2, 'dibao', '2020-01-01', '2021-12-31', 'civil_affairs 2020-01')`,
      [current!.id, ended!.id],
    );
    const county = await contextOf(s, "yibao.clerk");
    const dibao = await listPeople(county, { village: SONGLING_TAOHONG, category: "dibao", page: 1 });
    expect(dibao.rows.map((r) => [r.id, r.categoryName])).toEqual([[current!.id, "低保对象"]]);
    const all = await listPeople(county, { village: SONGLING_TAOHONG, page: 1 });
    expect(all.rows.find((r) => r.id === ended!.id)!.categoryName).toBeNull();
    // The category filter goes with the jurisdiction: the 桃洪镇 clerk finds the one 低保 person of the scratch data.
    expect((await listPeople(await contextOf(s, "taohong.clerk"), { category: "dibao", page: 1 })).rows.map((r) => r.id)).toEqual([current!.id]);
  });
});
