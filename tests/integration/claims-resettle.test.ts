import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealedIdColumns } from "@/db/queries/people-ids";
import ExcelJS from "exceljs";
import { people } from "@/db/schema";
import { applyResettle } from "@/lib/claims/apply-resettle";
import { exportClaimsYear } from "@/lib/claims/export-claims-year";
import { getClaimsYear } from "@/lib/claims/get-claims-year";
import { importClaims } from "@/lib/claims/import-claims";
import { previewResettle } from "@/lib/claims/preview-resettle";
import { activatePolicy, claimCells, residents, setCategory, writeClaimsXlsx, writeGb18030Csv, type TestPerson } from "@/tests/helpers/claims-fixtures";
import { maskIdNumber } from "@/lib/id-number/id-number";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { syntheticId, tempDir } from "@/tests/helpers/roster-files";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// 彭水's preset (001) in force for the demo county from 2025-01-01, with a 2025
// income figure so critical illness can be computed. Every claim is 2025; the
// demo data (2026) is never touched.

const withIncome = (r: PolicyRecord) =>
  r.parameters.values.push({ year: 2025, name: "priorYearIncome", value: "36000", source: { doc: "001", paragraph: "§二(二)2", defaulted: true, note: "测试值" } });

describe.each(drivers())("re-settling a year on %s", (driver) => {
  let s: Scratch;
  let files: Awaited<ReturnType<typeof tempDir>>;
  let late: TestPerson; // no category at first; certified 低保 from 2025-05-01 by a correction
  let steady: TestPerson; // 低保对象 all year
  beforeAll(async () => {
    s = await seededDb(driver);
    files = await tempDir();
    await activatePolicy(s.handle.db, { preset: "pengshui-2023", division: "430524000000", activeFrom: "2025-01-01", edit: withIncome });
    [late, steady] = (await residents(s.handle.db, "4305241022", 2)) as [TestPerson, TestPerson];
    await setCategory(s.handle.db, steady, "dibao", "2024-01-01");
    const stay = { total: "55000", scope: "52000", basic: "31000", critical: "2500" };
    const r = await importClaims(await contextOf(s, "yibao.clerk"), {
      path: await writeClaimsXlsx(files.file("2025.xlsx"), [
        claimCells({ externalId: "RS-1", person: late, date: "2025-03-10", ...stay }),
        claimCells({ externalId: "RS-2", person: late, date: "2025-06-15", ...stay }),
        // Critical illness computed: 36000 × 50 % × 50 % = 9000 deductible (低保 tilt, 001 §二(二)2), 65 %.
        claimCells({ externalId: "RS-3", person: steady, date: "2025-04-01", ...stay, critical: "" }),
      ]),
      fileName: "2025.xlsx",
    });
    expect(r.rejected).toEqual([]);
  });
  afterAll(async () => {
    await s?.drop();
    await files?.remove();
  });

  const reviewer = () => contextOf(s, "yibao.reviewer");
  const counts = async () => {
    const [r] = await s.handle.raw.query<Record<string, number>>(
      `select (select count(*) from claim_settlements)::int as settlements, (select count(*) from claim_settlements where superseded_at is not null)::int as superseded,
              (select count(*) from audit_log where action = 'claims.resettle' and outcome = 'success')::int as audits`,
    );
    return r!;
  };

  it("shows the year with each tier, running totals against each limit and the deductible used", async () => {
    const y = await getClaimsYear(await contextOf(s, "yibao.clerk"), steady.id, "2025");
    expect(y.claims).toHaveLength(1);
    // (52000 − 31000 − 9000) × 65 % = 7800; 其他疾病住院救助 (52000 − 31000 − 7800) × 80 % = 10560 (001 §二(三)2).
    expect(y.claims[0]!.settlement).toMatchObject({ critical: "7800.00", assistance: "10560.00", categoryName: "低保对象" });
    expect(y.claims[0]!.running).toEqual({
      poolUse: [{ name: "其他疾病住院救助年度限额", amount: "10560.00", usedAfter: "10560.00", limit: "60000.00" }],
      assistanceSoFar: "10560.00",
    });
    expect(y.runs).toHaveLength(1);
    expect(y.runs[0]!.pools).toEqual([
      { name: "特殊疾病救助年度限额（门诊和住院共用）", limit: "100000.00", used: "0.00", left: "100000.00" },
      { name: "其他疾病住院救助年度限额", limit: "60000.00", used: "10560.00", left: "49440.00" },
      { name: "倾斜救助年度限额", limit: "20000.00", used: "0.00", left: "20000.00" },
    ]);
    expect(y.runs[0]!.deductibles).toContainEqual({ name: "大病保险起付线（年度累计）", amount: "9000.00", used: "9000.00", left: "0.00" });
    expect(y.totals).toMatchObject({ policyScopeCost: "52000.00", assistance: "10560.00" });

    const file = await exportClaimsYear(await contextOf(s, "yibao.clerk"), steady.id, "2025");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["2025年结算明细", "限额与起付线", "计算过程", "人员"]);
    expect(book.worksheets[0]!.getRow(2).getCell(9).value).toBe("10560.00");
    // The ID number leaves masked.
    expect(book.worksheets[3]!.getRow(3).getCell(2).value).toBe(maskIdNumber(steady.idNumber));

    // A township clerk sees the people of their own township only.
    await expect(getClaimsYear(await contextOf(s, "taohong.clerk"), steady.id, "2025")).rejects.toMatchObject({ code: "forbidden" });
    await expect(getClaimsYear(await contextOf(s, "yibao.clerk"), steady.id, "1999")).rejects.toMatchObject({ field: "year" });
  });

  it("after a category correction, previews exactly the changed claims, then applies them superseding the old results, audited", async () => {
    const none = await previewResettle(await reviewer(), { year: "2025" });
    expect(none).toMatchObject({ changes: [], problems: [], personYears: 2, claims: 3 });

    await setCategory(s.handle.db, late, "dibao", "2025-05-01");
    const before = await counts();
    const p = await previewResettle(await reviewer(), { year: "2025" });
    expect(p.changes).toHaveLength(1);
    expect(p.changes[0]).toMatchObject({
      externalId: "RS-2",
      date: "2025-06-15",
      personId: late.id,
      amountsChanged: true,
      before: { categoryName: "普通参保人员", assistance: "0.00", tilted: "0.00", selfPaid: "18500.00" },
      // 001 §二(三)2: (52000 − 31000 − 2500) × 80 % = 14800; 3700 left is under 倾斜救助's 4000.
      after: { categoryName: "低保对象", assistance: "14800.00", tilted: "0.00", selfPaid: "3700.00" },
    });
    // Why, from the two traces: the category, and the assistance rule that now applies.
    expect(p.changes[0]!.reasons[0]).toBe("救助对象类别 普通参保人员 → 低保对象");
    expect(p.changes[0]!.reasons.join("；")).toContain("医疗救助");
    expect(await counts()).toEqual(before); // a preview changes nothing

    await expect(applyResettle(await reviewer(), { year: "2025", fingerprint: p.fingerprint, reason: " " })).rejects.toMatchObject({ field: "reason" });
    await expect(applyResettle(await reviewer(), { year: "2025", fingerprint: "stale", reason: "低保认定日期更正" })).rejects.toMatchObject({ field: "fingerprint" });
    await expect(applyResettle(await contextOf(s, "yibao.clerk"), { year: "2025", fingerprint: p.fingerprint, reason: "低保认定日期更正" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await counts()).toEqual(before);

    const done = await applyResettle(await reviewer(), { year: "2025", fingerprint: p.fingerprint, reason: "低保认定日期更正为2025-05-01" });
    expect(done).toEqual({ changed: 1, amountsChanged: 1, personYears: 2 });
    expect(await counts()).toEqual({ settlements: before.settlements! + 1, superseded: before.superseded! + 1, audits: before.audits! + 1 });
    const rows = await s.handle.raw.query<{ superseded: boolean; category: string; assistance: string; reason: string | null }>(
      `select s.superseded_at is not null as superseded, s.category, s.assistance, s.reason from claim_settlements s join claims c on c.id = s.claim_id
        where c.external_id = 'RS-2' order by s.id`,
    );
    expect(rows).toEqual([
      { superseded: true, category: "ordinary", assistance: "0.00", reason: null },
      { superseded: false, category: "dibao", assistance: "14800.00", reason: "低保认定日期更正为2025-05-01" },
    ]);
    const [audit] = await s.handle.raw.query<{ username: string; object_id: string; detail: Record<string, unknown> }>(
      "select username, object_id, detail from audit_log where action = 'claims.resettle' and outcome = 'success' order by id desc limit 1",
    );
    expect(audit).toMatchObject({ username: "yibao.reviewer", object_id: "2025", detail: { year: 2025, reason: "低保认定日期更正为2025-05-01", changed: 1, assistanceBefore: "0.00", assistanceAfter: "14800.00" } });

    // Nothing left to change: the preview is empty and applying it writes nothing.
    const after = await previewResettle(await reviewer(), { year: "2025" });
    expect(after.changes).toEqual([]);
    const settled = await counts();
    expect(await applyResettle(await reviewer(), { year: "2025", fingerprint: after.fingerprint, reason: "再次核对" })).toMatchObject({ changed: 0 });
    expect(await counts()).toEqual(settled);
  });

  it("after a new policy version, re-settles one person's claims from its date under it", async () => {
    await importClaims(await contextOf(s, "yibao.clerk"), {
      path: await writeGb18030Csv(files.file("oct.csv"), [claimCells({ externalId: "RS-4", person: steady, date: "2025-10-01", total: "55000", scope: "52000", basic: "31000", critical: "2500" })]),
      fileName: "oct.csv",
    });
    // Version 2 from 2025-09-01: 其他疾病 ratio for 特困/低保/返贫 raised to 90 %.
    await activatePolicy(s.handle.db, {
      preset: "pengshui-2023",
      policyId: "pengshui-2023-test",
      version: 2,
      division: "430524000000",
      activeFrom: "2025-09-01",
      edit: (r) => {
        withIncome(r);
        r.effectiveFrom = "2025-09-01"; // a new version starts where it is activated (the first is closed the day before)
        r.assistance.rules.find((x) => x.id === "other-high")!.ratioPercent = "90";
      },
    });
    const p = await previewResettle(await reviewer(), { year: "2025", personId: steady.id });
    expect(p.scope.person).toMatchObject({ id: steady.id });
    expect(p.changes.map((c) => [c.externalId, c.before?.assistance, c.after.assistance, c.after.versionLabel])).toEqual([
      ["RS-4", "14800.00", "16650.00", expect.stringContaining("第 2 版")],
    ]);
    expect(await applyResettle(await reviewer(), { year: "2025", personId: steady.id, fingerprint: p.fingerprint, reason: "彭水政策第2版启用" })).toMatchObject({ changed: 1 });
    const [audit] = await s.handle.raw.query<{ object_type: string; object_id: string }>(
      "select object_type, object_id from audit_log where action = 'claims.resettle' and outcome = 'success' order by id desc limit 1",
    );
    expect(audit).toEqual({ object_type: "person", object_id: steady.id });
  });

  it("a version that took effect mid-year continues the year: the critical deductible met in July is not met again in October", async () => {
    // Runs after version 2 (from 2025-09-01) is active. 低保, critical illness computed:
    // July (v1): 52000 − 31000 = 21000 → (21000 − 9000) × 65 % = 7800.
    // October (v2): the year's base reaches 42000, the 9000 deductible already met → 21000 × 65 % = 13650
    // (a fresh year under v2 would give 7800 again).
    const [twice] = (await residents(s.handle.db, "4305241022", 1, 2)) as [TestPerson];
    await setCategory(s.handle.db, twice, "dibao", "2025-06-01");
    const stay = { total: "55000", scope: "52000", basic: "31000", critical: "" };
    const r = await importClaims(await contextOf(s, "yibao.clerk"), {
      path: await writeClaimsXlsx(files.file("twice.xlsx"), [
        claimCells({ externalId: "RS-5", person: twice, date: "2025-07-01", ...stay }),
        claimCells({ externalId: "RS-6", person: twice, date: "2025-10-01", ...stay }),
      ]),
      fileName: "twice.xlsx",
    });
    expect(r.rejected).toEqual([]);
    const rows = await s.handle.raw.query<{ external_id: string; critical: string; version: number }>(
      `select c.external_id, s.critical::text as critical, v.version
         from claims c join claim_settlements s on s.claim_id = c.id and s.superseded_at is null
         join policy_versions v on v.id = s.policy_version_id
        where c.external_id in ('RS-5', 'RS-6') order by c.external_id`,
    );
    expect(rows.map((x) => [x.external_id, Number(x.critical).toFixed(2), x.version])).toEqual([
      ["RS-5", "7800.00", 1],
      ["RS-6", "13650.00", 2],
    ]);
  });

  it("refuses a re-settlement to clerks and to people outside the jurisdiction", async () => {
    await expect(previewResettle(await contextOf(s, "yibao.clerk"), { year: "2025" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(previewResettle(await contextOf(s, "taohong.clerk"), { year: "2025" })).rejects.toMatchObject({ code: "forbidden" });
    const [foreign] = await s.handle.db
      .insert(people)
      .values({ ...sealedIdColumns(syntheticId(77_101, "430521")), name: "外县人", sex: "female", birthDate: "1960-01-01", divisionCode: "430521100201" })
      .returning();
    await expect(previewResettle(await reviewer(), { year: "2025", personId: foreign!.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(previewResettle(await reviewer(), { year: "20x5" })).rejects.toMatchObject({ field: "year" });
  });
});
