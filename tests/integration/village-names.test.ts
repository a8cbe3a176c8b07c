import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportUnenrolled } from "@/lib/enrolment/export-unenrolled";
import { generateWorklist } from "@/lib/enrolment/generate-worklist";
import { listPeople } from "@/lib/people/list-people";
import { exportConsolidationList } from "@/lib/rosters/export-consolidation-list";
import { syntheticId } from "@/tests/helpers/roster-files";
import { drivers } from "../helpers/scratch-db";
import { contextOf } from "../helpers/seeded";
import { enrolmentFixture, P, type Fixture } from "./enrolment-fixture";

// The demo county has two 松岭村 (桃洪镇 430524100211, 小沙江镇 430524101201)
// and two 塘湾村 (桃洪镇 430524100205, 小沙江镇 430524101213): every list and
// export that names a village names its township too.

const NEW = [
  { id: syntheticId(810_001), name: "松岭桃洪", village: "430524100211" },
  { id: syntheticId(810_002), name: "塘湾桃洪", village: "430524100205" },
  { id: syntheticId(810_003), name: "塘湾小沙", village: "430524101213" },
];
// Already on the fixture's rolls: 监测丙 lives in 小沙江镇 松岭村.
const EXPECTED: Record<string, [string, string]> = {
  松岭桃洪: ["桃洪镇", "松岭村"],
  塘湾桃洪: ["桃洪镇", "塘湾村"],
  塘湾小沙: ["小沙江镇", "塘湾村"],
  [P.monitored.name]: ["小沙江镇", "松岭村"],
};

async function readSheet(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  const sheet = wb.worksheets[0]!;
  // Row values are 1-based and sparse.
  const header = Array.from(sheet.getRow(1).values as unknown[], (v) => (v == null ? "" : String(v)));
  const rows: Record<string, string>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const v = row.values as unknown[];
    rows.push(Object.fromEntries(header.map((h, i) => [h, v[i] == null ? "" : String(v[i])] as const)));
  });
  return { header, rows };
}

describe.each(drivers())("villages with the same name on %s", (driver) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await enrolmentFixture(driver);
    await f.roster("rural_revitalization", "2026-01", NEW.map((p) => [p.id, p.name, "防止返贫监测帮扶对象", "新增", p.village, "2025-12-20", ""]));
    await f.consolidate("2026-01");
    await generateWorklist(await contextOf(f.s, "yibao.clerk"), 2026);
  });
  afterAll(async () => {
    await f?.drop();
  });

  it("shows township and village in the people list", async () => {
    const county = await contextOf(f.s, "yibao.clerk");
    for (const [name, [township, village]] of Object.entries(EXPECTED)) {
      const list = await listPeople(county, { name, page: 1 });
      expect(list.rows.map((r) => r.place)).toEqual([`${township} ${village}`]);
    }
  });

  it("writes 乡镇 beside 村（社区） in the 未参保 export", async () => {
    const file = await exportUnenrolled(await contextOf(f.s, "yibao.clerk"), { year: 2026 });
    const { header, rows } = await readSheet(file.body);
    expect(header.indexOf("乡镇")).toBe(header.indexOf("村（社区）") - 1);
    for (const [name, [township, village]] of Object.entries(EXPECTED)) {
      expect(rows.filter((r) => r["姓名"] === name).map((r) => [r["乡镇"], r["村（社区）"]])).toEqual([[township, village]]);
    }
  });

  it("writes 乡镇（街道） beside 村（社区） in the consolidation export", async () => {
    const file = await exportConsolidationList(await contextOf(f.s, "yibao.clerk"), { month: "2026-01", list: "persons" });
    const { header, rows } = await readSheet(file.body);
    expect(header.indexOf("乡镇（街道）")).toBe(header.indexOf("村（社区）") - 1);
    for (const [name, [township, village]] of Object.entries(EXPECTED)) {
      expect(rows.filter((r) => r["姓名"] === name).map((r) => [r["乡镇（街道）"], r["村（社区）"]])).toEqual([[township, village]]);
    }
  });
});
