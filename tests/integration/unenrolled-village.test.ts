import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportUnenrolled } from "@/lib/enrolment/export-unenrolled";
import { generateWorklist } from "@/lib/enrolment/generate-worklist";
import { importEnrolment } from "@/lib/enrolment/import-enrolment";
import { listUnenrolled } from "@/lib/enrolment/list-unenrolled";
import ExcelJS from "exceljs";
import { drivers } from "../helpers/scratch-db";
import { contextOf } from "../helpers/seeded";
import { enrolmentFixture, P, type Fixture } from "./enrolment-fixture";

// The 未参保 worklist narrowed to one village (the dashboard links to it from a
// village): 小沙江镇 (101) holds two unenrolled people in villages 204 and 205,
// 桃洪镇 (100) one in village 204. The village filter keeps the jurisdiction.

const XIAOSHAJIANG = "430524101000";

describe.each(drivers())("未参保 worklist by village on %s", (driver) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await enrolmentFixture(driver);
    const enrolled = ["tekun", "dibao", "monitored", "changedLate", "changedEarly", "tier2"] as const;
    const path = await f.gb18030("2026.csv", enrolled.map((k) => [P[k].id, P[k].name, "2026", "一档", "400", "400", "2025-11-05", "否"]));
    const r = await importEnrolment(await contextOf(f.s, "yibao.clerk"), { path, fileName: "2026.csv" });
    if (r.rejected.length > 0) throw new Error(JSON.stringify(r.rejected));
    await generateWorklist(await contextOf(f.s, "yibao.clerk"), 2026);
  });
  afterAll(async () => {
    await f?.drop();
  });

  it("lists only the village's people, the township counts stay whole, and the export follows the filter", async () => {
    const county = await contextOf(f.s, "yibao.clerk");
    const list = await listUnenrolled(county, { year: 2026, village: P.unenrolledTekun.village, page: 1 });
    expect(list.rows.map((r) => r.name)).toEqual([P.unenrolledTekun.name]);
    expect(list.village?.code).toBe(P.unenrolledTekun.village);
    expect(list.counts.find((c) => c.code === XIAOSHAJIANG)?.open).toBe(2);
    // With its own township chosen too: the same one person.
    expect((await listUnenrolled(county, { year: 2026, township: XIAOSHAJIANG, village: P.unenrolledTekun.village, page: 1 })).rows.map((r) => r.name)).toEqual([P.unenrolledTekun.name]);
    // Without the village: the whole township.
    expect((await listUnenrolled(county, { year: 2026, township: XIAOSHAJIANG, page: 1 })).rows).toHaveLength(2);

    const { body } = await exportUnenrolled(county, { year: 2026, village: P.unenrolledTekun.village });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as never);
    const text = JSON.stringify(book.worksheets[0]!.getSheetValues());
    expect(text).toContain(P.unenrolledTekun.name);
    expect(text).not.toContain(P.unenrolledXiaoshajiang.name);
  });

  it("a township clerk's village filter: their own village works, another township's village is refused (403, audited)", async () => {
    const taohong = await contextOf(f.s, "taohong.clerk");
    expect((await listUnenrolled(taohong, { year: 2026, village: P.unenrolledTaohong.village, page: 1 })).rows.map((r) => r.name)).toEqual([P.unenrolledTaohong.name]);
    await expect(listUnenrolled(taohong, { year: 2026, village: P.unenrolledTekun.village, page: 1 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(exportUnenrolled(taohong, { year: 2026, village: P.unenrolledTekun.village })).rejects.toMatchObject({ code: "forbidden" });
    const refused = await f.s.handle.raw.query("select 1 from audit_log where action = 'enrolment.work' and outcome = 'refused' and object_id = $1", [P.unenrolledTekun.village]);
    expect(refused.length).toBeGreaterThanOrEqual(1);
  });

  it("a bad village names the field: not a village code, or outside the chosen township", async () => {
    const county = await contextOf(f.s, "yibao.clerk");
    await expect(listUnenrolled(county, { year: 2026, village: XIAOSHAJIANG, page: 1 })).rejects.toMatchObject({ code: "invalid", field: "village" });
    await expect(listUnenrolled(county, { year: 2026, village: "12ab", page: 1 })).rejects.toMatchObject({ code: "invalid", field: "village" });
    await expect(listUnenrolled(county, { year: 2026, township: XIAOSHAJIANG, village: P.unenrolledTaohong.village, page: 1 })).rejects.toMatchObject({
      code: "invalid",
      field: "village",
    });
  });
});
