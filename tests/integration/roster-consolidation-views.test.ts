import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openIdNumber } from "@/db/queries/people-ids";
import ExcelJS from "exceljs";
import type { UseCaseContext } from "@/lib/auth/context";
import { exportConsolidationList } from "@/lib/rosters/export-consolidation-list";
import { getMonthConsolidation } from "@/lib/rosters/get-month-consolidation";
import { getPersonRosterHistory } from "@/lib/rosters/get-person-roster-history";
import { listConsolidations } from "@/lib/rosters/list-consolidations";
import { lookupPersonCategory } from "@/lib/rosters/lookup-person-category";
import { personCategoryOn } from "@/lib/rosters/person-category-on";
import { lastLine, stampPattern } from "../helpers/export-stamp";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// The consolidation review (汇总比对) and the person's category section, on
// the demo county's rosters as `npm start` leaves them (2026-09 … 2026-11
// consolidated; see seed/rosters.ts).

const MASKED = /^430524\*{8}[\dX]{4}$/;

describe.each(drivers())("consolidation views on %s", (driver) => {
  let s: Scratch;
  let clerk: UseCaseContext;
  beforeAll(async () => {
    s = await seededDb(driver, { full: true });
    clerk = await contextOf(s, "yibao.clerk");
  });
  afterAll(async () => s?.drop());

  const query = <T>(sql: string, params: unknown[] = []) => s.handle.raw.query<T>(sql, params);

  it("lists the month's changes against the previous month, as the run counted them", async () => {
    const [run] = await query<{ persons: number; added: number; removed: number; changed: number; conflicts: number }>(
      "select persons, added, removed, changed, conflicts from consolidations where month = '2026-11'",
    );
    const view = (await getMonthConsolidation(clerk, { month: "2026-11", list: "changed" }))!;
    expect(view.counts).toEqual(run);
    expect(view.byCategory.reduce((n, c) => n + c.count, 0)).toBe(run!.persons);
    expect(view.byCategory[0]).toMatchObject({ category: "tekun", name: "特困人员", unassisted: null });
    // The demo policy (邵阳 003) names 在乡重点优抚对象 in no assistance rule: said beside the figure, not an error.
    expect(view.byCategory.find((c) => c.category === "priority_veteran")?.unassisted).toContain("本政策对在乡重点优抚对象未配置医疗救助规则");
    expect(view.shown.rows.length).toBe(Math.min(run!.changed, 50));
    for (const r of view.shown.rows) {
      expect(r.idNumberMasked).toMatch(MASKED);
      expect(r.before).not.toBe(r.after);
    }
    expect(await getMonthConsolidation(clerk, { month: "2027-03" })).toBeNull();
    await expect(getMonthConsolidation(clerk, { month: "2026-11", list: "everyone" })).rejects.toMatchObject({ field: "list" });
  });

  it("shows how each person on several lists was resolved: dibao over returned_poverty", async () => {
    const view = (await getMonthConsolidation(clerk, { month: "2026-11", list: "conflicts", page: 1 }))!;
    expect(view.shown.total).toBe(view.counts.conflicts);
    const all = [];
    for (let page = 1; page <= Math.ceil(view.shown.total / 50); page++)
      all.push(...(await getMonthConsolidation(clerk, { month: "2026-11", list: "conflicts", page }))!.shown.rows);
    const both = all.find((r) => r.candidates?.includes("低保对象") && r.candidates.includes("返贫致贫人口"))!;
    expect(both.after).toBe("低保对象");
    expect(both.reason).toContain("低保对象 优先于 返贫致贫人口");
    expect(both.candidates).toMatch(/民政局：低保对象（认定 \d{4}-\d{2}-\d{2}）/);
  });

  it("keeps a township user's lists inside the township", async () => {
    const township: UseCaseContext = { ...clerk, actor: { ...clerk.actor, user: { ...clerk.actor.user, jurisdiction: "430524101000" } } };
    const view = (await getMonthConsolidation(township, { month: "2026-11", list: "persons" }))!;
    const [row] = await query<{ n: number }>(
      `select count(*)::int as n from person_categories c join people p on p.id = c.person_id
       where p.division_code like '430524101%' and c.from_date <= '2026-11-01' and (c.to_date is null or c.to_date >= '2026-11-01')`,
    );
    expect(view.counts.persons).toBe(row!.n);
    expect(view.counts.persons).toBeLessThan((await getMonthConsolidation(clerk, { month: "2026-11" }))!.counts.persons);
  });

  it("exports a list to .xlsx with masked IDs, formula-like names neutralised, and audits the export", async () => {
    const [victim] = await query<{ id: string }>(
      "select person_id as id from person_categories where to_date is null and from_date <= '2026-11-01' order by person_id limit 1",
    );
    await query("update people set name = $1 where id = $2", ['=HYPERLINK("http://evil.example","点我")', victim!.id]);
    const { fileName, body } = await exportConsolidationList(clerk, { month: "2026-11", list: "persons" });
    expect(fileName).toBe("汇总比对-2026-11全部人员.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(["姓名", "身份证号（脱敏）", "乡镇（街道）", "村（社区）", "救助类别", "来源名单"]);
    const names: unknown[] = [];
    expect(lastLine(sheet)).toMatch(stampPattern("yibao.clerk"));
    sheet.eachRow((row, n) => {
      if (n === 1 || n === sheet.rowCount) return;
      names.push(row.getCell(1).value);
      expect(String(row.getCell(2).value)).toMatch(MASKED);
    });
    expect(names).toContain(`'=HYPERLINK("http://evil.example","点我")`);
    expect(names).not.toContain('=HYPERLINK("http://evil.example","点我")');
    const [audit] = await query<{ detail: { rows: number; list: string } }>("select detail from audit_log where action = 'rosters.export' order by id desc limit 1");
    expect(audit!.detail).toMatchObject({ list: "persons", rows: names.length });
    await expect(exportConsolidationList(await contextOf(s, "minzheng.clerk"), { month: "2026-11", list: "persons" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(exportConsolidationList(clerk, { month: "2026-11", list: "all" })).rejects.toMatchObject({ field: "list" });
  });

  it("lists past runs and suggests the next month to consolidate", async () => {
    const page = await listConsolidations(clerk);
    expect(page.runs.map((r) => r.month)).toEqual(["2026-11", "2026-10", "2026-09"]);
    expect(page.latestMonth).toBe("2026-11");
    expect(page.suggestedMonth).toBe("2026-12");
    expect(page.runs[0]).toMatchObject({ runBy: "周晓梅", runAt: "2026-11-10 09:45" });
  });

  it("gives a person's category history, roll entries and category on a date", async () => {
    const [changed] = await query<{ person_id: string; before: string; after: string }>(
      `select o.person_id, o.category as before, n.category as after from person_categories o
       join person_categories n on n.person_id = o.person_id and n.from_date = '2026-11-01'
       where o.to_date = '2026-10-31' order by o.person_id limit 1`,
    );
    const id = changed!.person_id;
    const page = await getPersonRosterHistory(clerk, id);
    const closed = page.history.find((h) => h.to === "2026-10-31")!;
    expect(closed.from <= "2026-10-01").toBe(true);
    expect(page.history.find((h) => h.from === "2026-11-01")).toMatchObject({ to: null, superseded: false });
    expect(page.memberships.length).toBeGreaterThan(0);
    expect(page.memberships[0]!.openedBy).toMatch(/^2026-\d{2} 名单（.+）$/);
    expect((await personCategoryOn(clerk, id, "2026-10-31")).category).toBe(changed!.before);
    expect((await personCategoryOn(clerk, id, "2026-11-01")).category).toBe(changed!.after);
    expect((await personCategoryOn(clerk, id, "2026-08-31")).category).toBeNull();
    await expect(personCategoryOn(clerk, id, "2026-02-30")).rejects.toMatchObject({ field: "on" });
  });

  it("refuses a person outside the user's township, and finds one by ID number only within the jurisdiction", async () => {
    const [outsideRow] = await query<{ id: string; id_sealed: string }>("select id, id_sealed from people where division_code like '430524102%' limit 1");
    const outside = { id: outsideRow!.id, id_number: openIdNumber({ idSealed: outsideRow!.id_sealed }) };
    const township = await contextOf(s, "taohong.clerk"); // 桃洪镇 430524100000
    await expect(getPersonRosterHistory(township, outside!.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(lookupPersonCategory(township, { idNumber: outside!.id_number })).rejects.toMatchObject({ code: "not_found" });
    const reads = async () =>
      Number((await s.handle.raw.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'people.view' and object_id = $1", [outside!.id]))[0]!.n);
    const readsBefore = await reads();
    const found = await lookupPersonCategory(clerk, { idNumber: outside!.id_number, on: "2026-11-15" });
    expect(await reads()).toBe(readsBefore + 1); // the API read is audited like the page
    expect(found.idNumber).toMatch(MASKED);
    expect(found.personId).toBe(outside!.id);
    await expect(lookupPersonCategory(clerk, { idNumber: "430524199001011234" })).rejects.toMatchObject({ field: "idNumber" });
  });
});
