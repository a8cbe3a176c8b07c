import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { acceptApplication } from "@/lib/applications/accept-application";
import { beginTownshipReview } from "@/lib/applications/begin-township-review";
import { setApplicationClaims } from "@/lib/applications/set-application-claims";
import type { UseCaseContext } from "@/lib/auth/context";
import { defaultCalendar } from "@/lib/calendar/domain/default-calendar";
import { exportClaimsYear } from "@/lib/claims/export-claims-year";
import { getClaimsYear } from "@/lib/claims/get-claims-year";
import { importClaims } from "@/lib/claims/import-claims";
import { activatePolicy, claimCells, residents, setCategory, writeClaimsXlsx, writeGb18030Csv, type ClaimLine, type TestPerson } from "@/tests/helpers/claims-fixtures";
import { tempDir } from "@/tests/helpers/roster-files";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// 医疗机构减免 / 商业补充保险赔付 on stored claims, and a re-imported 结算流水号
// with other values as a correction. Claims settle under 山东 004
// (鲁医保发〔2019〕69号, preset shandong-2019) put in force for the demo county
// from 2025-01-01; every person is a 低保对象 (贫困人口 in 004 §一(二)). Basic
// and critical illness are given in the file, so each figure below is the
// assistance tiers only:
//   §二(二)3 三 "对低保对象、特困人员经基本医保、大病保险报销后个人负担的政策范围内住院费用，不设救助起付线，
//     给予不低于 70% 的救助" — 70 %, annual limit 10000 (the preset's 不低于 1 万元 floor).
//   §二(二)3 四 "对贫困人口一个医疗年度内因住院发生的符合政策范围内的费用，经…“五重保障”报销后剩余个人承担的部分，
//     超过 5000 元以上的部分按照 70% 的比例给予再救助", annual limit 20000. The five layers are basic insurance,
//     critical illness, medical assistance, 医疗机构减免 and 医疗商业补充保险: the last two come off before re-assistance.

const stay = (externalId: string, person: TestPerson, date: string, extra: Partial<ClaimLine> = {}): string[] =>
  claimCells({ externalId, person, date, total: "110000", scope: "100000", basic: "50000", critical: "29250", ...extra });

describe.each(drivers())("claim waivers and corrections on %s", (driver) => {
  let s: Scratch;
  let files: Awaited<ReturnType<typeof tempDir>>;
  let waiver: TestPerson; // claims with a hospital waiver and commercial insurance
  let corrected: TestPerson; // a claim corrected by a second file
  let ticked: TestPerson; // a claim an on-application case counts (taohong township)
  beforeAll(async () => {
    s = await seededDb(driver);
    files = await tempDir();
    await activatePolicy(s.handle.db, { preset: "shandong-2019", division: "430524000000", activeFrom: "2025-01-01" });
    [waiver, corrected] = (await residents(s.handle.db, "4305241032", 2)) as [TestPerson, TestPerson];
    [ticked] = (await residents(s.handle.db, "430524100", 1)) as [TestPerson];
    await setCategory(s.handle.db, [waiver, corrected, ticked!], "dibao", "2024-01-01");
  }, 300_000);
  afterAll(async () => {
    await s?.drop();
    await files?.remove();
  });

  const clerk = () => contextOf(s, "yibao.clerk");
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => s.handle.raw.query<T>(sql, params);
  const counts = async () =>
    (
      await q<{ claims: number; settlements: number; audits: number }>(
        `select (select count(*) from claims)::int as claims, (select count(*) from claim_settlements)::int as settlements,
                (select count(*) from audit_log where action in ('claims.import', 'claims.correct'))::int as audits`,
      )
    )[0]!;
  const current = (personId: string) =>
    q<{ external_id: string; assistance: string; tilted: string; self_paid: string; reason: string | null; trace: unknown }>(
      `select c.external_id, s.assistance::text, s.tilted::text, s.self_paid::text, s.reason, s.trace from claims c
         join claim_settlements s on s.claim_id = c.id and s.superseded_at is null
        where c.person_id = $1 and c.superseded_at is null order by c.claim_date`,
      [personId],
    );

  it("imports 医疗机构减免 and 商业补充保险赔付 from .xlsx and GB18030 CSV and takes them off before re-assistance", async () => {
    // W-1: 100000 in scope − basic 50000 − critical 29250 = 20750 left; assistance 20750 × 70 % = 14525, cut to the
    // 10000 limit → 10750 left. Waived 1000 + commercial 2000 come off first: (10750 − 3000 − 5000) × 70 % = 1925.00
    // re-assistance (without them it would be (10750 − 5000) × 70 % = 4025.00). Self-paid 10750 − 1925 = 8825.00.
    const xlsx = await writeClaimsXlsx(files.file("w1.xlsx"), [stay("W-1", waiver, "2025-03-10", { waived: "1000", commercial: "2000" })]);
    expect(await importClaims(await clerk(), { path: xlsx, fileName: "w1.xlsx" })).toMatchObject({ added: 1, corrected: 0, rejected: [] });
    // W-2: 30000 − 15000 − 9750 = 5250 left; the assistance limit is used up → 0. Commercial 250 off → 5000, all above the
    // year's 5000 already passed by W-1: 5000 × 70 % = 3500.00 re-assistance; self-paid 5250 − 3500 = 1750.00.
    const csv = await writeGb18030Csv(files.file("w2.csv"), [
      claimCells({ externalId: "W-2", person: waiver, date: "2025-07-01", total: "31000", scope: "30000", basic: "15000", critical: "9750", commercial: "250.00" }),
    ]);
    expect(await importClaims(await clerk(), { path: csv, fileName: "w2.csv" })).toMatchObject({ added: 1, rejected: [] });

    const [w1, w2] = await current(waiver.id);
    expect(w1).toMatchObject({ assistance: "10000.00", tilted: "1925.00", self_paid: "8825.00" });
    expect(w2).toMatchObject({ assistance: "0.00", tilted: "3500.00", self_paid: "1750.00" });
    expect(JSON.stringify(w1!.trace)).toContain("医疗机构减免 1000.00 元、商业补充保险赔付 2000.00 元");

    // The ledger and its export show both amounts.
    const y = await getClaimsYear(await clerk(), waiver.id, "2025");
    expect(y.claims.map((c) => [c.externalId, c.hospitalWaived, c.commercialPaid, c.settlement?.tilted])).toEqual([
      ["W-1", "1000.00", "2000.00", "1925.00"],
      ["W-2", "0.00", "250.00", "3500.00"],
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exportClaimsYear(await clerk(), waiver.id, "2025")).body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const first = sheet.getRow(2).values as unknown[];
    expect(first[header.indexOf("医疗机构减免")]).toBe("1000.00");
    expect(first[header.indexOf("商业补充保险赔付")]).toBe("2000.00");
  });

  it("refuses bad 医疗机构减免 and 商业补充保险赔付 values, naming row and column, and stores nothing", async () => {
    const before = await counts();
    const path = await writeGb18030Csv(files.file("bad-waivers.csv"), [
      stay("WB-1", waiver, "2025-09-01", { waived: "-5", commercial: "1.234" }),
      stay("WB-2", waiver, "2025-09-02", { waived: "一千", commercial: "300000000" }),
      stay("WB-3", waiver, "2025-09-03", { waived: "60000", commercial: "60000" }),
    ]);
    const r = await importClaims(await clerk(), { path, fileName: "bad-waivers.csv" });
    expect(r.rejected).toEqual([
      { row: 2, column: "医疗机构减免", reason: "医疗机构减免不能为负数（现为“-5”）" },
      { row: 2, column: "商业补充保险赔付", reason: "商业补充保险赔付最多两位小数（现为“1.234”），请按分位填写" },
      { row: 3, column: "医疗机构减免", reason: "医疗机构减免“一千”不是金额，请填写数字（元），如 12345.67" },
      { row: 3, column: "商业补充保险赔付", reason: "商业补充保险赔付超过 1 亿元，请核对" },
      { row: 4, column: "商业补充保险赔付", reason: "医疗机构减免 60000.00 元与商业补充保险赔付 60000.00 元之和大于医疗总费用 110000.00 元，请核对" },
    ]);
    expect(await counts()).toEqual(before);
  });

  it("treats a 结算流水号 re-imported with other amounts as a correction: old claim superseded, the person-year settled again, audited", async () => {
    // C-1 as first imported: assistance 10000 (limit), re-assistance (10750 − 5000) × 70 % = 4025; C-2 (5250 left):
    // no assistance left, re-assistance 5250 × 70 % = 3675.
    const first = await writeClaimsXlsx(files.file("c-first.xlsx"), [
      stay("C-1", corrected, "2025-04-01"),
      claimCells({ externalId: "C-2", person: corrected, date: "2025-08-01", total: "31000", scope: "30000", basic: "15000", critical: "9750" }),
    ]);
    await importClaims(await clerk(), { path: first, fileName: "c-first.xlsx" });
    expect((await current(corrected.id)).map((c) => [c.assistance, c.tilted])).toEqual([["10000.00", "4025.00"], ["0.00", "3675.00"]]);
    const before = await counts();

    // The platform corrects C-1 to a 20000 stay: 20000 − 10000 − 3250 = 6750 → assistance 70 % = 4725, 2025 left, under
    // the 5000 re-assistance threshold → 0. C-2 now gets assistance from the 5275 left of the limit: 5250 × 70 % = 3675,
    // 1575 left; the year's 2025 + 1575 = 3600 stays under 5000 → no re-assistance.
    const correction = [
      stay("C-1", corrected, "2025-04-01", { total: "22000", scope: "20000", basic: "10000", critical: "3250" }),
      claimCells({ externalId: "C-2", person: corrected, date: "2025-08-01", total: "31000", scope: "30000", basic: "15000", critical: "9750" }),
    ];
    const path = await writeGb18030Csv(files.file("c-correction.csv"), correction);
    const r = await importClaims(await clerk(), { path, fileName: "c-correction.csv" });
    expect(r).toMatchObject({ rows: 2, added: 0, unchanged: 1, corrected: 1, settled: 1, resettled: 1, rejected: [] });
    expect(r.correctedRows).toEqual([
      {
        row: 2,
        externalId: "C-1",
        changes: [
          { column: "医疗总费用", from: "110000.00", to: "22000.00" },
          { column: "政策范围内费用", from: "100000.00", to: "20000.00" },
          { column: "基本医保支付", from: "50000.00", to: "10000.00" },
          { column: "大病保险支付", from: "29250.00", to: "3250.00" },
        ],
      },
    ]);
    expect((await current(corrected.id)).map((c) => [c.external_id, c.assistance, c.tilted, c.self_paid])).toEqual([
      ["C-1", "4725.00", "0.00", "2025.00"],
      ["C-2", "3675.00", "0.00", "1575.00"],
    ]);
    // The old C-1 stays, superseded by the new row, its result superseded with it; one new claim, two new results.
    const rows = await q<{ id: string; current: boolean; superseded_by: string | null; scope: string; results: number; live: number }>(
      `select c.id, c.superseded_at is null as current, c.superseded_by, c.policy_scope_cost::text as scope,
              (select count(*) from claim_settlements s where s.claim_id = c.id)::int as results,
              (select count(*) from claim_settlements s where s.claim_id = c.id and s.superseded_at is null)::int as live
         from claims c where c.external_id = 'C-1' order by c.created_at, c.superseded_at nulls last`,
    );
    expect(rows.map(({ id: _id, superseded_by: _by, ...r }) => r)).toEqual([
      { current: false, scope: "100000.00", results: 1, live: 0 },
      { current: true, scope: "20000.00", results: 1, live: 1 },
    ]);
    expect(rows[0]!.superseded_by).toBe(rows[1]!.id);
    expect(await counts()).toEqual({ claims: before.claims + 1, settlements: before.settlements + 2, audits: before.audits + 2 });
    const [audit] = await q<{ username: string; object_id: string; detail: { externalId: string; supersedes: string; changes: string } }>(
      "select username, object_id, detail from audit_log where action = 'claims.correct' order by id desc limit 1",
    );
    expect(audit).toMatchObject({ username: "yibao.clerk", object_id: rows[1]!.id, detail: { externalId: "C-1", supersedes: rows[0]!.id } });
    expect(audit!.detail.changes).toContain("政策范围内费用 100000.00 → 20000.00");
    // The year view holds the corrected claim once.
    expect((await getClaimsYear(await clerk(), corrected.id, "2025")).claims.map((c) => [c.externalId, c.policyScopeCost])).toEqual([
      ["C-1", "20000.00"],
      ["C-2", "30000.00"],
    ]);

    // The same corrected file again: both rows unchanged, nothing stored.
    const again = await importClaims(await clerk(), { path: await writeClaimsXlsx(files.file("c-again.xlsx"), correction), fileName: "c-again.xlsx" });
    expect(again).toMatchObject({ added: 0, unchanged: 2, corrected: 0, correctedRows: [] });
    expect(await counts()).toEqual({ claims: before.claims + 1, settlements: before.settlements + 2, audits: before.audits + 2 });
  });

  it("refuses to correct a claim that a live on-application case counts, naming the row and the case", async () => {
    const path = await writeClaimsXlsx(files.file("t.xlsx"), [stay("T-1", ticked, "2026-05-10")]);
    expect(await importClaims(await clerk(), { path, fileName: "t.xlsx" })).toMatchObject({ added: 1 });
    const [claim] = await q<{ id: string }>("select id from claims where external_id = 'T-1'");
    const now = new Date("2026-11-18T02:00:00Z");
    const township: UseCaseContext = { ...(await contextOf(s, "taohong.clerk")), now: () => now };
    let acceptedOn = "2026-11-18";
    while (defaultCalendar().workingDaysBetween(acceptedOn, "2026-11-18") < 2) acceptedOn = new Date(Date.parse(`${acceptedOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const { id } = await acceptApplication(township, {
      personId: ticked!.id,
      acceptedOn,
      filerKind: "self",
      phone: "13812345678",
      bankHolder: ticked!.name,
      bankName: "中国农业银行隆回县支行",
      bankAccount: "6222021234567890123",
      diagnosisSummary: "肺炎住院",
      documents: ["identity", "certification", "diagnosis", "history", "receipts"].map((item) => ({ item, status: "supplied" })),
    });
    const v = (await beginTownshipReview(township, id, { version: 1 })).version;
    await setApplicationClaims(township, id, { version: v, claimIds: [claim!.id] });
    const [{ case_no: caseNo }] = (await q<{ case_no: string }>("select case_no from applications where id = $1", [id])) as [{ case_no: string }];

    const before = await counts();
    const fix = await writeGb18030Csv(files.file("t-fix.csv"), [stay("T-1", ticked!, "2026-05-10", { commercial: "5000" })]);
    const r = await importClaims(await clerk(), { path: fix, fileName: "t-fix.csv" });
    expect(r).toMatchObject({ added: 0, corrected: 0 });
    expect(r.rejected).toEqual([{ row: 2, column: "结算流水号", reason: expect.stringContaining(`已纳入依申请救助申请 ${caseNo}`) }]);
    expect(r.rejected[0]!.reason).toContain("请先由经办人在该申请中取消勾选这条结算记录");
    expect(await counts()).toEqual(before);
  });
});
