import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { writeErrorReport as writeReport } from "@/lib/tabular-import/error-report";
import { ROSTER_COLUMNS } from "./columns";
import type { RosterRowError } from "./errors";

const ERRORS: RosterRowError[] = [
  { row: 5, column: "类别", reason: "类别“返贫致贫人口”不属于民政局报送范围" },
  { row: 3, column: "区划代码", reason: "区划代码应为12位数字" },
  { row: 3, column: "身份证号", reason: "校验码错误" },
  { row: 9, column: "备注", reason: "=HYPERLINK(\"http://x\")" },
];

describe("writeErrorReport", () => {
  it("CSV: UTF-8 with BOM, 行号/列/问题, sorted by row then column", async () => {
    const buffer = await writeReport(ERRORS, "csv", ROSTER_COLUMNS);
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = buffer.toString("utf8").slice(1).trimEnd().split("\r\n");
    expect(lines).toEqual([
      '"行号","列","问题"',
      '3,"身份证号","校验码错误"',
      '3,"区划代码","区划代码应为12位数字"',
      '5,"类别","类别“返贫致贫人口”不属于民政局报送范围"',
      '9,"备注","\'=HYPERLINK(""http://x"")"',
    ]);
  });

  it("xlsx: the same rows, row numbers as numbers", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeReport(ERRORS, "xlsx", ROSTER_COLUMNS)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("问题清单");
    const values = sheet.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(values).toEqual([
      ["行号", "列", "问题"],
      [3, "身份证号", "校验码错误"],
      [3, "区划代码", "区划代码应为12位数字"],
      [5, "类别", "类别“返贫致贫人口”不属于民政局报送范围"],
      [9, "备注", "'=HYPERLINK(\"http://x\")"],
    ]);
  });

  it("an empty list still has the header", async () => {
    expect((await writeReport([], "csv", ROSTER_COLUMNS)).toString("utf8")).toBe('\uFEFF"行号","列","问题"\r\n');
  });
});
