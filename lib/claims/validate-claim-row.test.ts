import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFile } from "node:fs/promises";
import { csvText, syntheticId, tempDir } from "@/tests/helpers/roster-files";
import { checkHospitalLevel, checkMoney, checkSetting, checkYesNo } from "./domain/claim-field-checks";
import { readClaimEntries } from "./read-claim-entries";
import ExcelJS from "exceljs";
import { claimsTemplate } from "./domain/claims-template";

// The row checks of a settlement-record file, on real files: money straight to
// fen from the text, the platform's spellings, and every problem of a row.

const NOW = new Date("2026-11-22T04:00:00Z");

describe("settlement-record fields", () => {
  it("reads money as clerks and platforms write it, to the fen, and refuses what is not money", () => {
    expect(checkMoney("12,345.6", "医疗总费用", true)).toEqual({ value: 1_234_560 });
    expect(checkMoney("￥0.07", "医疗总费用", true)).toEqual({ value: 7 });
    expect(checkMoney("150000", "医疗总费用", true)).toEqual({ value: 15_000_000 });
    expect(checkMoney("", "基本医保支付", false)).toEqual({ value: null });
    expect(checkMoney("", "医疗总费用", true).reason).toBe("医疗总费用为空，请填写金额（元）");
    expect(checkMoney("1.005", "医疗总费用", true).reason).toContain("最多两位小数");
    expect(checkMoney("-3", "基本医保支付", false).reason).toContain("不能为负数");
    expect(checkMoney("1e5", "医疗总费用", true).reason).toContain("不是金额");
    expect(checkMoney("200000000.01", "医疗总费用", true).reason).toContain("超过 1 亿元");
  });

  it("knows the platform's words for settings, levels and yes/no", () => {
    expect(checkSetting("门诊慢特病").value).toBe("outpatient");
    expect(checkSetting("住院").value).toBe("inpatient");
    expect(checkSetting("急诊").reason).toContain("请填写 住院 或 门诊");
    expect(["一级", "2", "三级甲等", "３"].map((t) => checkHospitalLevel(t).value)).toEqual([1, 2, 3, 3]);
    expect(checkHospitalLevel("未定级").reason).toContain("无法识别的医院等级");
    expect(checkYesNo("", "依申请", false)).toEqual({ value: false });
    expect(checkYesNo("", "特殊疾病").reason).toBe("特殊疾病为空，请填写 是 或 否");
    expect(checkYesNo("Y", "市域内").value).toBe(true);
  });
});

describe("reading a settlement-record file", () => {
  let files: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    files = await tempDir();
  });
  afterAll(async () => files.remove());

  it("accepts English headers in any order with the optional columns left out", async () => {
    const id = syntheticId(12);
    const path = files.file("english.csv");
    const header = ["policy_scope_cost", "Total Cost", "external_id", "ID Number", "name", "date", "setting", "hospital", "level", "special_disease", "referred", "in_city"];
    await writeFile(path, "\ufeff" + csvText([header, ["800", "1000", "A-1", id, "张三", "2026/3/5", "门诊", "某卫生院", "1", "否", "是", "是"]]));
    const r = await readClaimEntries(path, NOW);
    expect(r.list.errors).toEqual([]);
    expect(r.entries).toEqual([
      {
        row: 2, externalId: "A-1", idNumber: id, name: "张三", date: "2026-03-05", setting: "outpatient", hospitalName: "某卫生院", hospitalLevel: 1,
        specialDisease: false, referred: true, inCity: true, onApplication: false, totalCost: 100_000, policyScopeCost: 80_000, basicPaid: null, criticalPaid: null,
        hospitalWaived: 0, commercialPaid: 0,
      },
    ]);
  });

  it("reads 医疗机构减免 and 商业补充保险赔付 under the platform's headers, checked like every amount", async () => {
    const path = files.file("waivers.csv");
    const header = ["结算流水号", "身份证号", "姓名", "结算日期", "就诊类型", "医疗机构", "医院等级", "特殊疾病", "按规定转诊", "市域内", "医疗总费用", "政策范围内费用", "医院减免", "基本医保支付", "惠民保赔付"];
    const row = (n: string, waived: string, commercial: string, total = "1000") => [n, syntheticId(13), "李四", "2026-04-01", "住院", "某医院", "二级", "否", "是", "是", total, "800", waived, "", commercial];
    await writeFile(
      path,
      "\ufeff" +
        csvText([
          header,
          row("W-1", "120.5", "￥300"),
          row("W-2", "-1", "12.345"),
          row("W-3", "abc", "200000000.01"),
          row("W-4", "600", "500"),
        ]),
    );
    const r = await readClaimEntries(path, NOW);
    expect(r.entries[0]).toMatchObject({ externalId: "W-1", hospitalWaived: 12_050, commercialPaid: 30_000 });
    expect(r.list.errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [3, "医疗机构减免", "医疗机构减免不能为负数（现为“-1”）"],
      [3, "商业补充保险赔付", "商业补充保险赔付最多两位小数（现为“12.345”），请按分位填写"],
      [4, "医疗机构减免", "医疗机构减免“abc”不是金额，请填写数字（元），如 12345.67"],
      [4, "商业补充保险赔付", "商业补充保险赔付超过 1 亿元，请核对"],
      [5, "商业补充保险赔付", "医疗机构减免 600.00 元与商业补充保险赔付 500.00 元之和大于医疗总费用 1000.00 元，请核对"],
    ]);
  });

  it("refuses a file without a required column, naming it", async () => {
    const path = files.file("missing.csv");
    await writeFile(path, csvText([["结算流水号", "身份证号", "姓名"], ["A-1", syntheticId(1), "张三"]]));
    await expect(readClaimEntries(path, NOW)).rejects.toMatchObject({ problem: "missing_column", column: "结算日期" });
  });

  it("reports a row with a stray comma once, as a whole-row problem", async () => {
    const path = files.file("shifted.csv");
    const header = ["结算流水号", "身份证号", "姓名", "结算日期", "就诊类型", "医疗机构", "医院等级", "特殊疾病", "按规定转诊", "市域内", "医疗总费用", "政策范围内费用"];
    await writeFile(path, csvText([header]) + `A-1,${syntheticId(1)},张三,2026-03-05,住院,某医院,二级,否,是,是,1,234.00,1000\r\n`);
    const r = await readClaimEntries(path, NOW);
    expect(r.list.errors).toHaveLength(1);
    expect(r.list.errors[0]).toMatchObject({ row: 2, column: "整行" });
  });
});

describe("the downloadable template", () => {
  it("has the 医疗机构减免 and 商业补充保险赔付 columns and says how to fill them", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await claimsTemplate()) as unknown as ArrayBuffer);
    const header = (book.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(-2)).toEqual(["医疗机构减免", "商业补充保险赔付"]);
    const help = book.worksheets[1]!.getColumn(2).values.map(String).join("\n");
    expect(help).toContain("医疗机构减免的金额和医疗商业补充保险（如惠民保）赔付的金额");
    expect(help).toContain("按更正处理");
  });
});
