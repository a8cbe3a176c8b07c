import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";
import { isFormulaLike, neutralizeCell } from "./neutralize";
import { safeSheetNames } from "./sheet";
import { toXlsx } from "./xlsx";

const INJECTIONS = ["=1+1", "+SUM(A1)", "-2", "@x", "\t=1", "\r=1", "=cmd|' /C calc'!A0"];

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe("toXlsx", () => {
  it("neutralises formula-like strings: they come back as inert text", async () => {
    const rows = INJECTIONS.map((text, i) => ({ text, n: i }));
    const workbook = await load(await toXlsx([{ name: "导出", columns: [{ header: "内容", key: "text" }, { header: "序号", key: "n" }], rows }]));
    const sheet = workbook.worksheets[0]!;
    INJECTIONS.forEach((text, i) => {
      const cell = sheet.getCell(i + 2, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      // XML parsing turns a raw CR into LF; the apostrophe in front is what matters.
      expect(cell.value).toBe(`'${text}`.replace(/\r/g, "\n"));
      expect(sheet.getCell(i + 2, 2).value).toBe(i); // numbers stay numbers
    });
  });

  it("Chinese sheet names, bold frozen header, widths, nulls, text number format", async () => {
    const workbook = await load(
      await toXlsx([
        { name: "低保名单", columns: [{ header: "姓名", key: "name", width: 20 }, { header: "身份证号", key: "id", numFmt: "@" }], rows: [{ name: "张三", id: null }] },
        { name: "特困/名单?", columns: [{ header: "姓名", key: "name" }], rows: [] },
        { name: "低保名单", columns: [{ header: "a", key: "a" }], rows: [] },
      ]),
    );
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["低保名单", "特困_名单_", "低保名单_2"]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(20);
    expect(sheet.getColumn(2).numFmt).toBe("@");
    expect(sheet.getCell("A2").value).toBe("张三");
    expect(sheet.getCell("B2").value).toBeNull();
  });

  it("streams rows from an async iterable", async () => {
    async function* rows() {
      for (let i = 0; i < 1000; i++) yield { i };
    }
    const workbook = await load(await toXlsx([{ name: "s", columns: [{ header: "i", key: "i" }], rows: rows() }]));
    expect(workbook.worksheets[0]!.rowCount).toBe(1001);
  });
});

describe("toCsv", () => {
  it("UTF-8 with BOM, quoted text, neutralised formulas", () => {
    const csv = toCsv({ columns: [{ header: "姓名", key: "a" }, { header: "金额", key: "b" }], rows: [...INJECTIONS.slice(0, 4).map((a) => ({ a, b: 1.5 })), { a: '他说"你好",再见', b: null }] });
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString("utf8").slice(1).split("\r\n")).toEqual([
      '"姓名","金额"',
      "\"'=1+1\",1.5",
      "\"'+SUM(A1)\",1.5",
      "\"'-2\",1.5",
      "\"'@x\",1.5",
      '"他说""你好"",再见",',
      "",
    ]);
  });
});

describe("neutralizeCell", () => {
  it("never leaves a formula trigger first, and changes nothing else", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const out = neutralizeCell(text);
        expect(isFormulaLike(out)).toBe(false);
        expect(out === text || out === `'${text}`).toBe(true);
      }),
    );
  });

  it("sheet names are always acceptable to Excel", () => {
    // Arbitrary strings, and strings made of the troublesome characters (a
    // space-wrapped apostrophe once slipped through).
    const name = fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom("a", "A", "名", "'", " ", ":", "[", "_", "2"), maxLength: 40 }));
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 5 }), (names) => {
        const safe = safeSheetNames(names);
        expect(new Set(safe.map((s) => s.toLowerCase())).size).toBe(names.length);
        for (const s of safe) {
          expect(s.length).toBeGreaterThan(0);
          expect(s.length).toBeLessThanOrEqual(31);
          expect(s).not.toMatch(/[:\\/?*[\]]|^'|'$/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
