import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, like } from "drizzle-orm";
import ExcelJS from "exceljs";
import { auditLog, people } from "@/db/schema";
import { actionName } from "@/lib/audit/domain/action-names";
import { exportClaimsYear } from "@/lib/claims/export-claims-year";
import { getClaimsYear } from "@/lib/claims/get-claims-year";
import { importClaims } from "@/lib/claims/import-claims";
import { activatePolicy, claimCells, residents, writeClaimsXlsx, type TestPerson } from "@/tests/helpers/claims-fixtures";
import { getPerson } from "@/lib/people/get-person";
import { listPeople } from "@/lib/people/list-people";
import { tempDir } from "@/tests/helpers/roster-files";
import { lastLine, stampPattern } from "../helpers/export-stamp";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// Medical data is need-to-know (PIPL §28): only 医保 sees a person's claims and
// traces; the certifying departments and the township (no applications yet)
// are refused even for a person inside their jurisdiction, and every refusal,
// read and export is audited. Exports name their exporter and time.

const REFUSED = ["minzheng.clerk", "xiangcun.clerk", "tuiyi.clerk", "canlian.clerk", "taohong.clerk"];
const ALLOWED = ["yibao.clerk", "yibao.reviewer", "yibao.manager"];

describe.each(drivers())("who sees claims on %s", (driver) => {
  let s: Scratch;
  let files: Awaited<ReturnType<typeof tempDir>>;
  let person: TestPerson; // a 桃洪镇 resident: inside every demo account's jurisdiction
  beforeAll(async () => {
    s = await seededDb(driver);
    files = await tempDir();
    await activatePolicy(s.handle.db, { preset: "pengshui-2023", division: "430524000000", activeFrom: "2025-01-01" });
    [person] = (await residents(s.handle.db, "430524100", 1)) as [TestPerson];
    const stay = { total: "12000", scope: "10000", basic: "6000", critical: "0" };
    const r = await importClaims(await contextOf(s, "yibao.clerk"), {
      path: await writeClaimsXlsx(files.file("2025.xlsx"), [
        claimCells({ externalId: "AC-1", person, date: "2025-03-10", ...stay }),
        claimCells({ externalId: "AC-2", person, date: "2025-06-15", ...stay }),
      ]),
      fileName: "2025.xlsx",
    });
    expect(r.rejected).toEqual([]);
  });
  afterAll(async () => {
    await s?.drop();
    await files?.remove();
  });

  const audits = (action: string, username: string) =>
    s.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.username, username), eq(auditLog.objectId, person.id)));

  it.each(REFUSED)("refuses %s the claims and their export, audited", async (username) => {
    const ctx = await contextOf(s, username);
    await expect(getClaimsYear(ctx, person.id, "2025")).rejects.toMatchObject({ code: "forbidden" });
    await expect(exportClaimsYear(ctx, person.id, "2025")).rejects.toMatchObject({ code: "forbidden" });
    const rows = await audits("claims.view", username);
    expect(rows.map((r) => [r.outcome, r.detail])).toEqual([["refused", { reason: "permission" }], ["refused", { reason: "permission" }]]);
    expect(await audits("claims.export", username)).toEqual([]);
  });

  it.each(ALLOWED)("shows %s the year with its traces, and audits the read", async (username) => {
    const y = await getClaimsYear(await contextOf(s, username), person.id, "2025");
    expect(y.claims.map((c) => c.externalId)).toEqual(["AC-1", "AC-2"]);
    expect(y.claims[0]!.settlement?.trace.length).toBeGreaterThan(0);
    const rows = await audits("claims.view", username);
    expect(rows.map((r) => [r.outcome, r.detail])).toEqual([["success", { year: 2025, claims: 2 }]]);
  });

  it("exports the year for 医保: the file names the exporter and time on every sheet, and the export is audited with its row count", async () => {
    const before = new Date();
    const { body } = await exportClaimsYear(await contextOf(s, "yibao.reviewer"), person.id, "2025");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as never);
    for (const sheet of book.worksheets) expect(lastLine(sheet)).toMatch(stampPattern("yibao.reviewer"));
    // Header, two claims, a blank line, the stamp.
    expect(book.worksheets[0]!.rowCount).toBe(5);
    const [row] = await audits("claims.export", "yibao.reviewer");
    expect(row).toMatchObject({ outcome: "success", objectType: "person", detail: { year: 2025, rows: 2 } });
    expect(new Date((row!.detail as { exportedAt: string }).exportedAt).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(actionName("claims.export")).toMatch(/^导出结算记录/);
    expect(actionName("claims.view")).toBe("查看结算记录与计算过程");
  });

  it("audits every read of a person's page: who looked at whom", async () => {
    await getPerson(await contextOf(s, "minzheng.clerk"), person.id);
    await getPerson(await contextOf(s, "taohong.clerk"), person.id);
    const rows = await s.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "people.view"), eq(auditLog.objectId, person.id), eq(auditLog.outcome, "success")));
    expect(rows.map((r) => r.username).sort()).toEqual(["minzheng.clerk", "taohong.clerk"]);
    expect(actionName("people.view")).toMatch(/^查看人员信息/);
  });

  it("never puts the full birth date beside a masked ID: the person page and the list show the birth year", async () => {
    const page = await getPerson(await contextOf(s, "yibao.clerk"), person.id);
    const [stored] = await s.handle.db.select({ birthDate: people.birthDate }).from(people).where(eq(people.id, person.id));
    expect(page.idNumberMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(page).toMatchObject({ birthYear: `${stored!.birthDate.slice(0, 4)}年` });
    expect(JSON.stringify(page)).not.toContain(stored!.birthDate);

    const list = await listPeople(await contextOf(s, "taohong.clerk"), { page: 1 });
    const births = await s.handle.db
      .select({ id: people.id, birthDate: people.birthDate })
      .from(people)
      .where(and(like(people.divisionCode, "430524100%"), inArray(people.id, list.rows.map((r) => r.id))));
    expect(births).toHaveLength(list.rows.length);
    const text = JSON.stringify(list);
    for (const b of births) expect(text).not.toContain(b.birthDate);
  });
});
