import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openIdNumber } from "@/db/queries/people-ids";
import { closeUnenrolledCase } from "@/lib/enrolment/close-unenrolled-case";
import { exportUnenrolled } from "@/lib/enrolment/export-unenrolled";
import { generateWorklist } from "@/lib/enrolment/generate-worklist";
import { importEnrolment } from "@/lib/enrolment/import-enrolment";
import { listUnenrolled } from "@/lib/enrolment/list-unenrolled";
import { getPersonEnrolment } from "@/lib/enrolment/get-person-enrolment";
import ExcelJS from "exceljs";
import { lastLine, stampPattern } from "../helpers/export-stamp";
import { drivers } from "../helpers/scratch-db";
import { contextOf } from "../helpers/seeded";
import { enrolmentFixture, P, type Fixture } from "./enrolment-fixture";

const TAOHONG = "430524100000";
const XIAOSHAJIANG = "430524101000";

describe.each(drivers())("未参保 worklist (销号) on %s", (driver) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await enrolmentFixture(driver);
    // Everyone on the rolls enrolled for 2026 except the three "unenrolled" people.
    const enrolled = ["tekun", "dibao", "monitored", "changedLate", "changedEarly", "tier2"] as const;
    const path = await f.gb18030("2026.csv", enrolled.map((k) => [P[k].id, P[k].name, "2026", "一档", "400", "400", "2025-11-05", "否"]));
    const r = await importEnrolment(await contextOf(f.s, "yibao.clerk"), { path, fileName: "2026.csv" });
    if (r.rejected.length > 0) throw new Error(JSON.stringify(r.rejected));
  });
  afterAll(async () => {
    await f?.drop();
  });

  const cases = async () =>
    (
      await f.s.handle.raw.query<{ id: number; id_sealed: string; township_code: string; status: string; reason: string | null; note: string | null }>(
        "select c.id, p.id_sealed, c.township_code, c.status, c.reason, c.note from unenrolled_cases c join people p on p.id = c.person_id where c.year = 2026",
      )
    )
      .map(({ id_sealed, ...c }) => ({ ...c, id_number: openIdNumber({ idSealed: id_sealed }) }))
      .sort((a, b) => a.id_number.localeCompare(b.id_number));
  const caseOf = async (key: keyof typeof P) => (await cases()).find((c) => c.id_number === P[key].id)!;

  it("opens a case at their township for everyone on a roll without an enrolment, and running it again changes nothing", async () => {
    const clerk = await contextOf(f.s, "yibao.clerk");
    expect(await generateWorklist(clerk, 2026)).toEqual({ year: 2026, opened: 3, closedAsEnrolled: 0 });
    expect((await cases()).map((c) => [c.id_number, c.township_code, c.status])).toEqual(
      [
        [P.unenrolledTaohong.id, TAOHONG, "open"],
        [P.unenrolledXiaoshajiang.id, XIAOSHAJIANG, "open"],
        [P.unenrolledTekun.id, XIAOSHAJIANG, "open"],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
    expect(await generateWorklist(clerk, 2026)).toEqual({ year: 2026, opened: 0, closedAsEnrolled: 0 });
    expect(await cases()).toHaveLength(3);
  });

  it("refuses to close a case without a reason, naming the field, and keeps it open", async () => {
    const c = await caseOf("unenrolledXiaoshajiang");
    await expect(closeUnenrolledCase(await contextOf(f.s, "yibao.clerk"), c.id, { reason: "", note: "说明" })).rejects.toMatchObject({ code: "invalid", field: "reason" });
    await expect(closeUnenrolledCase(await contextOf(f.s, "yibao.clerk"), c.id, { reason: "lost" })).rejects.toMatchObject({ field: "reason" });
    expect((await caseOf("unenrolledXiaoshajiang")).status).toBe("open");
  });

  it("closes a case with a reason and note, audited, and a refresh never reopens it", async () => {
    const clerk = await contextOf(f.s, "yibao.clerk");
    const c = await caseOf("unenrolledXiaoshajiang");
    await closeUnenrolledCase(clerk, c.id, { reason: "army", note: "2025年9月入伍" });
    expect(await caseOf("unenrolledXiaoshajiang")).toMatchObject({ status: "closed", reason: "army", note: "2025年9月入伍" });
    const [audit] = await f.s.handle.raw.query<{ username: string; detail: { reason: string } }>(
      "select username, detail from audit_log where action = 'enrolment.close_case' and object_id = $1",
      [String(c.id)],
    );
    expect(audit).toMatchObject({ username: "yibao.clerk", detail: { reason: "army" } });
    await expect(closeUnenrolledCase(clerk, c.id, { reason: "deceased" })).rejects.toMatchObject({ field: "status" });
    expect(await generateWorklist(clerk, 2026)).toMatchObject({ opened: 0 });
    expect(await caseOf("unenrolledXiaoshajiang")).toMatchObject({ status: "closed", reason: "army" });
  });

  it("shows a township clerk only their township's cases and refuses another township's", async () => {
    const township = await contextOf(f.s, "taohong.clerk");
    const list = await listUnenrolled(township, { year: 2026, page: 1 });
    expect(list.rows.map((r) => r.name)).toEqual([P.unenrolledTaohong.name]);
    expect(list.rows[0]!.idNumberMasked).not.toContain(P.unenrolledTaohong.id.slice(6, 14));
    expect(list.counts.map((c) => c.code)).toEqual([TAOHONG]);
    await expect(listUnenrolled(township, { year: 2026, township: XIAOSHAJIANG, page: 1 })).rejects.toMatchObject({ code: "forbidden" });

    const other = await caseOf("unenrolledTekun");
    await expect(closeUnenrolledCase(township, other.id, { reason: "deceased" })).rejects.toMatchObject({ code: "forbidden" });
    expect((await caseOf("unenrolledTekun")).status).toBe("open");
    const refused = await f.s.handle.raw.query("select 1 from audit_log where action = 'enrolment.work' and outcome = 'refused' and object_id = $1", [String(other.id)]);
    expect(refused).toHaveLength(1);

    const own = await caseOf("unenrolledTaohong");
    await closeUnenrolledCase(township, own.id, { reason: "employee_insurance", note: "" });
    expect((await listUnenrolled(township, { year: 2026, page: 1 })).rows).toEqual([]);
    expect((await listUnenrolled(township, { year: 2026, status: "closed", page: 1 })).rows.map((r) => r.reason)).toEqual(["employee_insurance"]);
  });

  it("closes an open case as 已参保 when the person appears in a later enrolment file", async () => {
    const path = await f.gb18030("2026-late.csv", [[P.unenrolledTekun.id, P.unenrolledTekun.name, "2026", "一档", "400", "400", "2026-03-02", "是"]]);
    const r = await importEnrolment(await contextOf(f.s, "yibao.clerk"), { path, fileName: "2026-late.csv" });
    expect(r).toMatchObject({ enrolled: 1, casesClosed: 1, subsidies: { computed: 1 } });
    expect(await caseOf("unenrolledTekun")).toMatchObject({ status: "closed", reason: "enrolled", note: "参保缴费数据导入，自动销号" });
  });

  it("counts cases per township by status and reason, and exports the county's list", async () => {
    const clerk = await contextOf(f.s, "yibao.clerk");
    const list = await listUnenrolled(clerk, { year: 2026, status: "all", page: 1 });
    const byCode = Object.fromEntries(list.counts.map((c) => [c.code, c]));
    expect(byCode[TAOHONG]).toMatchObject({ name: "桃洪镇", open: 0, closedTotal: 1, closed: { employee_insurance: 1 } });
    expect(byCode[XIAOSHAJIANG]).toMatchObject({ name: "小沙江镇", open: 0, closedTotal: 2, closed: { army: 1, enrolled: 1 } });
    const file = await exportUnenrolled(clerk, { year: 2026, status: "all" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as never);
    const sheet = wb.worksheets[0]!;
    // Header, three cases, a blank line and who exported it when.
    expect(sheet.rowCount).toBe(6);
    expect(lastLine(sheet)).toMatch(stampPattern("yibao.clerk"));
    expect(sheet.getColumn(6).values.slice(2).sort()).toEqual(["参军", "已参保", "职工医保"]);
  });

  it("shows the person page the enrolment, subsidy and case by year", async () => {
    const years = await getPersonEnrolment(await contextOf(f.s, "yibao.clerk"), await f.personId("unenrolledTekun"));
    expect(years).toEqual([
      {
        year: 2026,
        enrolment: { tier: "一档", contribution: "400.00", paidOn: "2026-03-02", feeExempt: true },
        subsidy: { category: "特困人员", amount: "400.00", personal: "0.00", funding: "医疗救助基金 ¥400.00；个人 ¥0.00", policy: expect.any(String) },
        unenrolled: {
          status: "closed",
          reason: "已参保",
          note: "参保缴费数据导入，自动销号",
          // The automatic 销号 of the enrolment import is in the case's history too.
          history: [{ at: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/), text: "销号：已参保（参保缴费数据导入，自动销号）", by: expect.any(String) }],
        },
      },
    ]);
    await expect(getPersonEnrolment(await contextOf(f.s, "taohong.clerk"), await f.personId("unenrolledTekun"))).rejects.toMatchObject({ code: "forbidden" });
  });
});
