import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealedIdColumns } from "@/db/queries/people-ids";
import { writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { people } from "@/db/schema";
import { claimsTemplate } from "@/lib/claims/domain/claims-template";
import { getClaimsErrorFile } from "@/lib/claims/get-claims-error-file";
import { importClaims } from "@/lib/claims/import-claims";
import {
  activatePolicy,
  claimCells,
  residents,
  setCategory,
  writeClaimsXlsx,
  writeGb18030Csv,
  type ClaimLine,
  type TestPerson,
} from "@/tests/helpers/claims-fixtures";
import { badCheckId, syntheticId, tempDir } from "@/tests/helpers/roster-files";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// Claims are settled under 彭水's preset (001, 彭水府办发〔2023〕52号), put in
// force for the demo county from 2025-01-01 with the 2025 yearly parameter
// "重庆市上年度全体居民人均可支配收入" = 36000 added, so critical illness can be
// computed. The demo data (2026) is never touched: every claim here is 2025.

const NOT_FOUND = "本辖区没有该身份证号的人员（身份证号可能有误、尚未登记，或户籍不在本辖区），请核对";

describe.each(drivers())("claims import on %s", (driver) => {
  let s: Scratch;
  let files: Awaited<ReturnType<typeof tempDir>>;
  let dibao: TestPerson; // 低保对象 all of 2025
  let ordinary: TestPerson; // no category
  let reversed: TestPerson; // 低保对象: claims arrive in two files, later ones first
  let together: TestPerson; // 低保对象: the same claims in one file
  beforeAll(async () => {
    s = await seededDb(driver);
    files = await tempDir();
    await activatePolicy(s.handle.db, {
      preset: "pengshui-2023",
      division: "430524000000",
      activeFrom: "2025-01-01",
      edit: (r) => r.parameters.values.push({ year: 2025, name: "priorYearIncome", value: "36000", source: { doc: "001", paragraph: "§二(二)2", defaulted: true, note: "测试值" } }),
    });
    [dibao, ordinary, reversed, together] = (await residents(s.handle.db, "4305241012", 4)) as [TestPerson, TestPerson, TestPerson, TestPerson];
    await setCategory(s.handle.db, [dibao, reversed, together], "dibao", "2024-01-01");
  });
  afterAll(async () => {
    await s?.drop();
    await files?.remove();
  });

  const clerk = () => contextOf(s, "yibao.clerk");
  const counts = async () => {
    const [r] = await s.handle.raw.query<Record<string, number>>(
      `select (select count(*) from claims)::int as claims, (select count(*) from claim_settlements)::int as settlements,
              (select count(*) from claim_imports)::int as imports, (select count(*) from audit_log where action = 'claims.import')::int as audits`,
    );
    return r!;
  };
  const current = async (personId: string) =>
    s.handle.raw.query<{ date: string; basic: string; critical: string; assistance: string; tilted: string; self_paid: string; trace: unknown }>(
      `select to_char(c.claim_date, 'YYYY-MM-DD') as date, s.basic, s.critical, s.assistance, s.tilted, s.self_paid, s.trace
         from claims c join claim_settlements s on s.claim_id = c.id and s.superseded_at is null
        where c.person_id = $1 order by c.claim_date`,
      [personId],
    );

  it("rejects a file with bad rows as a whole, naming every problem by row and column", async () => {
    const foreign = { idNumber: syntheticId(77_001, "430521"), name: "外县人" };
    await s.handle.db
      .insert(people)
      .values({ ...sealedIdColumns(foreign.idNumber), name: foreign.name, sex: "male", birthDate: "1954-03-01", divisionCode: "430521100201" });
    const unknown = syntheticId(77_002);
    const ok: ClaimLine = { externalId: "BAD-01", person: dibao, date: "2025-03-01", total: "1000", scope: "800", basic: "500" };
    const rows = [
      claimCells(ok),
      claimCells({ ...ok, externalId: "BAD-02", person: { idNumber: badCheckId(5), name: "李四" } }),
      claimCells({ ...ok, externalId: "BAD-03", person: { idNumber: unknown, name: "王五" } }),
      claimCells({ ...ok, externalId: "BAD-04", person: foreign! }),
      claimCells({ ...ok, externalId: "BAD-05", level: "四级", total: "500", scope: "800", basic: "" }),
      claimCells({ ...ok, externalId: "BAD-06", special: "可能" as "是", basic: "600", critical: "300" }),
      claimCells({ ...ok, externalId: "BAD-07", date: "2025-13-01", basic: "", critical: "100" }),
      claimCells({ ...ok, externalId: "BAD-08", date: "2099-01-01", total: "12.345", basic: "-5" }),
      claimCells({ ...ok }),
      claimCells({ ...ok, externalId: "BAD-10", person: { idNumber: ordinary.idNumber, name: "不是本人" } }),
      claimCells({ ...ok, externalId: "BAD-11", setting: "急诊" as "门诊" }),
      claimCells({ ...ok, externalId: "BAD-12", date: "2020-05-01" }),
    ];
    const before = await counts();
    const r = await importClaims(await clerk(), { path: await writeGb18030Csv(files.file("bad.csv"), rows), fileName: "bad.csv" });
    expect(r.added).toBe(0);
    expect(r.rejected.map((e) => `${e.row}/${e.column}`)).toEqual([
      "3/身份证号",
      "4/身份证号",
      "5/身份证号",
      "6/医院等级",
      "6/政策范围内费用",
      "7/特殊疾病",
      "7/大病保险支付",
      "8/结算日期",
      "8/基本医保支付",
      "9/结算日期",
      "9/医疗总费用",
      "9/基本医保支付",
      "10/结算流水号",
      "11/姓名",
      "12/就诊类型",
      "13/结算日期",
    ]);
    const reason = (row: number, column: string) => r.rejected.find((e) => e.row === row && e.column === column)?.reason;
    expect(reason(3, "身份证号")).toBe("校验码错误");
    expect(reason(4, "身份证号")).toBe(NOT_FOUND);
    // Another county's resident reads exactly like an unknown number: nothing about other jurisdictions leaks.
    expect(reason(5, "身份证号")).toBe(NOT_FOUND);
    expect(reason(6, "政策范围内费用")).toBe("政策范围内费用 800.00 元大于医疗总费用 500.00 元，请核对");
    expect(reason(7, "大病保险支付")).toContain("之和大于政策范围内费用 800.00 元");
    expect(reason(8, "基本医保支付")).toContain("须同时填写基本医保支付");
    expect(reason(9, "医疗总费用")).toContain("最多两位小数");
    expect(reason(9, "基本医保支付")).toContain("不能为负数");
    expect(reason(10, "结算流水号")).toBe("与第 2 行结算流水号重复");
    expect(reason(13, "结算日期")).toContain("没有启用的救助政策");
    expect(await counts()).toEqual(before);

    // The downloadable list holds the same problems, in file order.
    const file = await getClaimsErrorFile(await clerk(), { format: "xlsx", errors: r.rejected });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, "行号", "列", "问题"]);
    expect(sheet.rowCount).toBe(r.rejected.length + 1);
    expect(sheet.getRow(2).values).toEqual([undefined, 3, "身份证号", "校验码错误"]);
  });

  it("imports a clean .xlsx and stores each claim's settlement as worked by hand from 彭水's rules", async () => {
    const path = await writeClaimsXlsx(files.file("clean.xlsx"), [
      // Computed critical illness, then 其他疾病住院救助 for a 低保对象.
      claimCells({ externalId: "JS25-0001", person: dibao, date: "2025-04-10", total: "56000", scope: "52000", basic: "31000" }),
      claimCells({ externalId: "JS25-0002", person: dibao, date: "2025-05-20", setting: "门诊", level: "一级", special: "是", total: "5200", scope: "5000", basic: "2500", critical: "0" }),
      claimCells({ externalId: "JS25-0003", person: dibao, date: "2025-06-01", referred: "否", total: "41000", scope: "40000", basic: "28000", critical: "1000" }),
      claimCells({ externalId: "JS25-0004", person: ordinary, date: "2025-04-12", total: "41000", scope: "40000", basic: "28000", critical: "1000" }),
    ]);
    const r = await importClaims(await clerk(), { path, fileName: "clean.xlsx" });
    expect(r).toMatchObject({ rows: 4, added: 4, unchanged: 0, settled: 4, resettled: 0, rejected: [] });

    const [stay, outpatient, unreferred] = await current(dibao.id);
    // 001 §二(二)2 "特困人员、低保对象和返贫致贫人口大病保险起付线降低 50%，报销比例提高 5 个百分点": deductible
    // 36000 × 50 % × 50 % = 9000, ratio 65 %: (52000 − 31000 − 9000) × 65 % = 7800.
    // 001 §二(三)2 "其他疾病，在二级及以上医疗机构一次性住院发生医保政策范围内费用超过3万元的…按特殊疾病的救助比例给予救助"
    // (低保对象 80 %, 取消起付标准): (52000 − 31000 − 7800) × 80 % = 10560; 2640 left is under 倾斜救助's 4000.
    expect(stay).toMatchObject({ basic: "31000.00", critical: "7800.00", assistance: "10560.00", tilted: "0.00", self_paid: "2640.00" });
    // 001 §二(三)2 特殊疾病 (门诊也救助): (5000 − 2500 − 0) × 80 % = 2000.
    expect(outpatient).toMatchObject({ assistance: "2000.00", self_paid: "500.00" });
    // 001 §二(六) "未按规定转诊的救助对象，所发生的医疗费用原则上不纳入医疗救助范围".
    expect(unreferred).toMatchObject({ assistance: "0.00", tilted: "0.00", self_paid: "11000.00" });
    expect(JSON.stringify(unreferred!.trace)).toContain("未按规定转诊，不纳入医疗救助（001 §二(六)）");
    // No category on the date → 普通参保人员, whom 彭水 does not assist.
    const [plain] = await current(ordinary.id);
    expect(plain).toMatchObject({ assistance: "0.00", self_paid: "11000.00" });
    expect(JSON.stringify(plain!.trace)).toContain("本政策对普通参保人员未配置医疗救助规则");
    const [audit] = await s.handle.raw.query<{ username: string; detail: { added: number; file: string } }>(
      "select username, detail from audit_log where action = 'claims.import' order by id desc limit 1",
    );
    expect(audit).toMatchObject({ username: "yibao.clerk", detail: { added: 4, file: "clean.xlsx" } });
  });

  it("stores nothing when the same rows come again, in the same file or another", async () => {
    const before = await counts();
    const again = await importClaims(await clerk(), { path: files.file("clean.xlsx"), fileName: "clean.xlsx" });
    expect(again).toMatchObject({ rows: 4, added: 0, unchanged: 4, rejected: [] });
    const copy = await writeGb18030Csv(files.file("copy.csv"), [
      claimCells({ externalId: "JS25-0004", person: ordinary, date: "2025-04-12", total: "41000", scope: "40000", basic: "28000", critical: "1000" }),
    ]);
    expect(await importClaims(await clerk(), { path: copy, fileName: "copy.csv" })).toMatchObject({ added: 0, unchanged: 1 });
    expect(await counts()).toEqual(before);
  });

  it("settles one person's claims in date order whatever order the files arrive in", async () => {
    // Four 100000-yuan stays, each leaving 30000 after basic and critical illness: 80 % = 24000 a stay
    // until 其他疾病住院救助's 60000 a year is used up (001 §二(三)2 "年度救助限额6万元").
    const stay = (person: TestPerson, n: number, date: string): string[] =>
      claimCells({ externalId: `${person.idNumber.slice(-6)}-${n}`, person, date, total: "110000", scope: "100000", basic: "60000", critical: "10000" });
    const dates = ["2025-03-05", "2025-05-10", "2025-08-20", "2025-10-08"];
    const later = await importClaims(await clerk(), { path: await writeGb18030Csv(files.file("later.csv"), [stay(reversed, 3, dates[2]!), stay(reversed, 4, dates[3]!)]), fileName: "later.csv" });
    expect(later).toMatchObject({ added: 2, settled: 2, resettled: 0 });
    expect((await current(reversed.id)).map((c) => c.assistance)).toEqual(["24000.00", "24000.00"]);
    const earlier = await importClaims(await clerk(), { path: await writeClaimsXlsx(files.file("earlier.xlsx"), [stay(reversed, 2, dates[1]!), stay(reversed, 1, dates[0]!)]), fileName: "earlier.xlsx" });
    expect(earlier).toMatchObject({ added: 2, settled: 2, resettled: 2 });

    await importClaims(await clerk(), { path: await writeClaimsXlsx(files.file("together.xlsx"), dates.map((d, i) => stay(together, i + 1, d))), fileName: "together.xlsx" });
    const a = await current(reversed.id);
    const b = await current(together.id);
    expect(a.map((c) => [c.assistance, c.tilted, c.self_paid])).toEqual([
      ["24000.00", "1200.00", "4800.00"],
      ["24000.00", "1200.00", "4800.00"],
      ["12000.00", "8400.00", "9600.00"],
      ["0.00", "9200.00", "20800.00"],
    ]);
    expect(a.map(({ date: _d, ...rest }) => rest)).toEqual(b.map(({ date: _d, ...rest }) => rest));
    // The two results the earlier file changed are kept, superseded, with the reason on their successors.
    const history = await s.handle.raw.query<{ superseded: boolean; reason: string | null; assistance: string }>(
      `select s.superseded_at is not null as superseded, s.reason, s.assistance from claim_settlements s join claims c on c.id = s.claim_id
        where c.person_id = $1 and c.claim_date >= '2025-08-01' order by c.claim_date, s.id`,
      [reversed.id],
    );
    expect(history).toEqual([
      { superseded: true, reason: null, assistance: "24000.00" },
      { superseded: false, reason: "导入“earlier.xlsx”后，同一人同年的结算记录按日期顺序重新计算", assistance: "12000.00" },
      { superseded: true, reason: null, assistance: "24000.00" },
      { superseded: false, reason: "导入“earlier.xlsx”后，同一人同年的结算记录按日期顺序重新计算", assistance: "0.00" },
    ]);
  });

  it("names a missing yearly parameter instead of failing, and catches the template's example row", async () => {
    // From December a plain 彭水 version without the 2025 income figure: critical illness cannot be computed.
    await activatePolicy(s.handle.db, { preset: "pengshui-2023", policyId: "pengshui-plain", division: "430524000000", activeFrom: "2025-12-01" });
    const path = await writeGb18030Csv(files.file("december.csv"), [
      claimCells({ externalId: "DEC-1", person: ordinary, date: "2025-12-03", total: "5000", scope: "5000", basic: "3000", critical: "500" }),
      claimCells({ externalId: "DEC-2", person: dibao, date: "2025-12-05", total: "52000", scope: "52000", basic: "31000" }),
    ]);
    const r = await importClaims(await clerk(), { path, fileName: "december.csv" });
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]).toMatchObject({ row: 3, column: "大病保险支付" });
    expect(r.rejected[0]!.reason).toContain("（pengshui-plain 第 1 版）没有 2025 年的“重庆市上年度全体居民人均可支配收入”");

    const template = files.file("template.xlsx");
    await writeFile(template, await claimsTemplate());
    const t = await importClaims(await clerk(), { path: template, fileName: "template.xlsx" });
    expect(t.rejected).toEqual([{ row: 2, column: "身份证号", reason: "这是模板中的示例行，请删除该行后再上传" }]);
  });

  it("refuses import to anyone but a 医保 clerk, and audits the refusal", async () => {
    const path = files.file("clean.xlsx");
    for (const username of ["taohong.clerk", "yibao.reviewer", "minzheng.clerk"]) {
      await expect(importClaims(await contextOf(s, username), { path, fileName: "clean.xlsx" })).rejects.toMatchObject({ code: "forbidden" });
    }
    const refused = await s.handle.raw.query<{ username: string }>("select username from audit_log where action = 'claims.import' and outcome = 'refused' order by id");
    expect(refused.map((r) => r.username)).toEqual(["taohong.clerk", "yibao.reviewer", "minzheng.clerk"]);
  });
});
