import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openIdNumber } from "@/db/queries/people-ids";
import { writeFile } from "node:fs/promises";
import { categoryOn } from "@/db/queries/person-categories";
import { computeSubsidies } from "@/lib/enrolment/compute-subsidies";
import { importEnrolment } from "@/lib/enrolment/import-enrolment";
import { listLedger } from "@/lib/enrolment/list-ledger";
import { exportLedger } from "@/lib/enrolment/export-ledger";
import { enrolmentTemplate } from "@/lib/enrolment/domain/template";
import { badCheckId, syntheticId, writeXlsxFile } from "@/tests/helpers/roster-files";
import { Money } from "@/lib/money/money";
import ExcelJS from "exceljs";
import { lastLine, stampPattern } from "../helpers/export-stamp";
import { drivers } from "../helpers/scratch-db";
import { contextOf } from "../helpers/seeded";
import { ENROLMENT_HEADER, enrolmentFixture, P, type Fixture } from "./enrolment-fixture";

// The 2026 contribution year: the collection period (集中参保期) runs in the
// autumn of 2025. The demo region's policy in force is 隆回县's copy of 邵阳
// 003 (shaoyang-2021). 003 §二(一): "对特困人员参加城乡居民医保的个人缴费部分给予
// 全额资助（重度残疾人、孤儿、事实无人抚养儿童参照执行），对低保对象给予 50% 的资助。
// 过渡期内，对纳入民政和乡村振兴等部门农村低收入人口监测范围的困难人员、乡村振兴部门
// 认定的返贫致贫人口参加城乡居民医保的个人缴费部分给予 50%资助。" The transition period
// ("5 年过渡期", §一) ends with 2025 (the preset's documented default, from 000 §一),
// so a monitored person gets 50 % for 2025 and nothing for 2026.
const row = (key: keyof typeof P, paidOn: string, tier = "一档", contribution = "400", tier1 = "400", exempt = "否", year = "2026") =>
  [P[key].id, P[key].name, year, tier, contribution, tier1, paidOn, exempt];

describe.each(drivers())("enrolment ledger and premium subsidies on %s", (driver) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await enrolmentFixture(driver);
  });
  afterAll(async () => {
    await f?.drop();
  });

  const counts = async () => {
    const [r] = await f.s.handle.raw.query<{ i: number; e: number; s: number }>(
      "select (select count(*) from enrolment_imports)::int as i, (select count(*) from enrolments)::int as e, (select count(*) from subsidies)::int as s",
    );
    return r!;
  };
  const asClerk = async (path: string) => importEnrolment(await contextOf(f.s, "yibao.clerk"), { path, fileName: path.split("/").pop()! });
  const subsidyOf = async (key: keyof typeof P, year = 2026) => {
    const [r] = await f.s.handle.raw.query<{ category: string; subsidy: string; personal: string; funding: unknown }>(
      "select category, subsidy::text, personal::text, funding from subsidies where person_id = $1 and year = $2",
      [await f.personId(key), year],
    );
    return r;
  };

  it("rejects a bad GB18030 file as a whole, naming every problem by row and column", async () => {
    const before = await counts();
    const path = await f.gb18030("bad.csv", [
      row("tekun", "2025-11-05"),
      [badCheckId(3), "某人", "2026", "一档", "400", "400", "2025-11-05", "否"],
      row("dibao", "2025-11-10", "三档"),
      row("changedLate", "2024-05-01", "一档", "四百"),
      row("changedEarly", "2025-12-15", "一档", "400", "400", "否", "2025"),
      row("tier2", "2025-11-25", "二档", "700", ""),
      row("monitored", "2025-11-12", "一档", "400", "400", "可能"),
    ]);
    const r = await asClerk(path);
    expect(r.rejected.map((e) => `${e.row}/${e.column}`)).toEqual([
      "3/身份证号", "4/缴费档次", "5/个人缴费标准", "5/缴费日期", "6/参保年度", "7/一档个人缴费标准", "8/免缴人员",
    ]);
    expect(r.rejected[0]!.reason).toBe("校验码错误");
    expect(r.rejected.find((e) => e.column === "参保年度")!.reason).toContain("应与第 2 行相同（2026）");
    expect(r.rejected.find((e) => e.column === "缴费日期")!.reason).toContain("不在 2026 年度的缴费期内");
    expect(await counts()).toEqual(before);
  });

  it("then checks duplicates and names against the register, still storing nothing", async () => {
    const before = await counts();
    const r = await asClerk(await f.gb18030("dup.csv", [row("tekun", "2025-11-05"), row("tekun", "2025-11-06"), [P.dibao.id, "别人", "2026", "一档", "400", "400", "2025-11-10", "否"]]));
    expect(r.rejected).toEqual([
      { row: 3, column: "身份证号", reason: "与第 2 行身份证号重复" },
      { row: 4, column: "姓名", reason: "与本系统登记的该身份证号的姓名不一致，请核对身份证号和姓名" },
    ]);
    expect(await counts()).toEqual(before);
  });

  it("refuses the template with its example row, and an empty file, with one clear problem each", async () => {
    const template = f.files.file("template.xlsx");
    await writeFile(template, await enrolmentTemplate());
    expect((await asClerk(template)).rejected).toEqual([{ row: 2, column: "身份证号", reason: "这是模板中的示例行，请删除该行后再上传" }]);
    await writeFile(f.files.file("empty.csv"), "");
    const empty = await asClerk(f.files.file("empty.csv"));
    expect(empty.rejected).toHaveLength(1);
    expect(empty.rejected[0]!.reason).toMatch(/空/);
  });

  it("imports the 2026 file: the category on the payment day decides each subsidy under the policy in force", async () => {
    const [ordinaryRow] = await f.s.handle.raw.query<{ id_sealed: string; name: string }>(
      "select id_sealed, name from people p where not exists (select 1 from person_categories c where c.person_id = p.id) order by id limit 1",
    );
    const ordinary = { id_number: openIdNumber({ idSealed: ordinaryRow!.id_sealed }), name: ordinaryRow!.name };
    const path = await f.gb18030("2026.csv", [
      row("tekun", "2025-11-05", "一档", "400", "400", "是"),
      row("dibao", "2025-11-10"),
      row("monitored", "2025-11-12"),
      row("changedLate", "2025-11-20"),
      row("changedEarly", "2025-12-15"),
      row("tier2", "2025-11-25", "二档", "700.00", "400.00"),
      [ordinary!.id_number, ordinary!.name, "2026", "一档", "400", "", "2025-10-08", ""],
      [syntheticId(800_100), "外县人", "2026", "一档", "400", "400", "2025-10-09", "否"],
    ]);
    const r = await asClerk(path);
    expect(r).toMatchObject({ year: 2026, rows: 8, enrolled: 7, alreadyEnrolled: 0, notKnown: 1, rejected: [], alreadyImported: false });
    expect(r.subsidies).toEqual({ computed: 6, notComputed: { no_category: 1 } });

    // 特困: 全额资助 — 400.00 from the medical-assistance fund, nothing personal.
    expect(await subsidyOf("tekun")).toEqual({ category: "tekun", subsidy: "400.00", personal: "0.00", funding: [{ source: "medical_assistance", amount: "400.00" }, { source: "personal", amount: "0.00" }] });
    // 低保: 50% × 400 = 200.00.
    expect(await subsidyOf("dibao")).toMatchObject({ category: "dibao", subsidy: "200.00", personal: "200.00" });
    // 监测对象 in 2026: the transition period is over, the person pays the whole 400.00.
    expect(await subsidyOf("monitored")).toEqual({ category: "monitored", subsidy: "0.00", personal: "400.00", funding: [{ source: "personal", amount: "400.00" }] });
    // Same history (低保, 特困 from 2025-12-01), different payment days: the day decides.
    expect(await subsidyOf("changedLate")).toMatchObject({ category: "dibao", subsidy: "200.00", personal: "200.00" });
    expect(await subsidyOf("changedEarly")).toMatchObject({ category: "tekun", subsidy: "400.00", personal: "0.00" });
    // 二档 700 with no tier-2 rule in 003: 50% of the tier-1 400 = 200, the rest (500) is the person's.
    expect(await subsidyOf("tier2")).toMatchObject({ category: "dibao", subsidy: "200.00", personal: "500.00" });
  });

  it("a monitored person's 2025 enrolment (.xlsx) still gets 50 % in the transition period", async () => {
    const path = f.files.file("2025.xlsx");
    await writeXlsxFile(path, [ENROLMENT_HEADER, row("monitored", "2025-10-20", "一档", "380", "380", "否", "2025")]);
    expect(await asClerk(path)).toMatchObject({ year: 2025, enrolled: 1, subsidies: { computed: 1 } });
    expect(await subsidyOf("monitored", 2025)).toMatchObject({ category: "monitored", subsidy: "190.00", personal: "190.00" });
  });

  it("stores nothing new when the same file comes again", async () => {
    const before = await counts();
    const r = await asClerk(f.files.file("2026.csv"));
    expect(r).toMatchObject({ alreadyImported: true, enrolled: 0, year: 2026 });
    expect(await counts()).toEqual(before);
  });

  it("earns no top-up when the identity changes after payment, whatever is recomputed", async () => {
    await f.roster("civil_affairs", "2026-01", [[P.dibao.id, P.dibao.name, "特困人员", "在册", P.dibao.village, "2025-12-20", ""]]);
    await f.consolidate("2026-01");
    expect((await categoryOn(f.s.handle.db, await f.personId("dibao"), "2026-01-15"))?.category).toBe("tekun");
    expect(await computeSubsidies(await contextOf(f.s, "yibao.clerk"), 2026)).toMatchObject({ computed: 0 });
    // A second file listing the person again (a later export) keeps the first record and its subsidy.
    const again = await asClerk(await f.gb18030("2026-later.csv", [row("dibao", "2026-01-20")]));
    expect(again).toMatchObject({ enrolled: 0, alreadyEnrolled: 1, subsidies: { computed: 0 } });
    expect(await subsidyOf("dibao")).toMatchObject({ category: "dibao", subsidy: "200.00" });
  });

  it("totals the ledger by funding source exactly as the sum of its rows, by category too, and exports it", async () => {
    const ctx = await contextOf(f.s, "yibao.clerk");
    const ledger = await listLedger(ctx, { year: 2026, page: 1 });
    expect(ledger.rows).toHaveLength(6);
    const sum = (pick: (r: (typeof ledger.rows)[number]) => string) => ledger.rows.reduce((a, r) => a.plus(pick(r)), new Money(0)).toFixed(2);
    const bySource = (source: string) => (r: (typeof ledger.rows)[number]) => r.funding.find((x) => x.source === source)?.amount ?? "0";
    expect(ledger.totals).toMatchObject({ people: 6, medicalAssistance: sum(bySource("medical_assistance")), finance: "0.00", personalFunding: sum(bySource("personal")) });
    expect([ledger.totals.medicalAssistance, ledger.totals.personalFunding, ledger.totals.contribution]).toEqual(["1400.00", "1300.00", "2700.00"]);
    expect(ledger.byCategory.map((c) => [c.category, c.people, c.subsidy])).toEqual([["dibao", 3, "600.00"], ["tekun", 2, "800.00"], ["monitored", 1, "0.00"]]);
    expect(ledger.counts).toEqual({ enrolled: 7, pending: 0 });
    // A township's view adds up to its own people only (桃洪镇: tekun, dibao, changedLate).
    const taohong = await listLedger(ctx, { year: 2026, township: "430524100000", page: 1 });
    expect(taohong.totals).toMatchObject({ people: 3, medicalAssistance: "800.00" });

    const file = await exportLedger(ctx, { year: 2026 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["2026年度参保台账", "按资金来源", "按类别"]);
    // Header, five people, a blank line and who exported it when.
    expect(wb.worksheets[0]!.rowCount).toBe(9);
    expect(lastLine(wb.worksheets[0]!)).toMatch(stampPattern("yibao.clerk"));
    expect(String(wb.worksheets[0]!.getRow(2).getCell(4).value)).toMatch(/^430524\*{8}\d{3}[\dX]$/);
    expect(wb.worksheets[1]!.getRow(2).values).toEqual([undefined, "医疗救助基金", 1400]);
  });

  it("refuses the ledger to a township clerk and a department clerk", async () => {
    await expect(listLedger(await contextOf(f.s, "taohong.clerk"), { year: 2026, page: 1 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(importEnrolment(await contextOf(f.s, "minzheng.clerk"), { path: f.files.file("2026.csv"), fileName: "x.csv" })).rejects.toMatchObject({ code: "forbidden" });
  });
});
