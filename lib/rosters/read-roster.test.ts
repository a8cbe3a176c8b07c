import { readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { Readable } from "node:stream";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WHOLE_ROW } from "./domain/errors";
import { readRosterFile, type RosterFile, type RosterInput, type RosterRow } from "./read-roster";
import { csvText, storedZip, syntheticId, tempDir, writeXlsxFile } from "@/tests/helpers/roster-files";

const HEADER = ["身份证号", "姓名", "类别", "变动", "区划代码", "认定日期", "备注"];
const ID1 = syntheticId(1);
const ID2 = syntheticId(2);

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir();
});
afterAll(async () => {
  await tmp.remove();
});

async function readAll(input: RosterInput): Promise<{ file: RosterFile; rows: RosterRow[] }> {
  const file = await readRosterFile(input);
  const rows: RosterRow[] = [];
  for await (const row of file) rows.push(row);
  return { file, rows };
}

async function write(name: string, content: string | Buffer): Promise<string> {
  const path = tmp.file(name);
  await writeFile(path, content);
  return path;
}

describe("CSV encodings", () => {
  // 䶮 is outside GBK: only GB18030 (4 bytes) encodes it, so this also tells GBK from GB18030.
  const rows = [HEADER, [ID1, "王䶮", "低保对象", "新增", "430524101201", "2025年1月5日", ""], [ID2, "李四", "特困人员", "在册", "430524101202", "2024-12-01", "五保"]];

  it("reads GB18030 as WPS and Chinese Excel save it", async () => {
    const path = await write("gb.csv", iconv.encode(csvText(rows), "gb18030"));
    const { file, rows: read } = await readAll({ path });
    expect(file.format).toBe("csv");
    expect(file.encoding).toBe("gb18030");
    expect(read.map((r) => r.row)).toEqual([2, 3]);
    expect(read[0]!.fields).toEqual({
      id_number: ID1, name: "王䶮", category: "低保对象", change: "新增",
      division_code: "430524101201", certified_on: "2025年1月5日", note: "",
    });
    expect(read[1]!.fields.note).toBe("五保");
  });

  it("reads UTF-8 with a BOM", async () => {
    const path = await write("bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText(rows))]));
    const { file, rows: read } = await readAll({ path });
    expect(file.encoding).toBe("utf-8-bom");
    expect(file.columns).toEqual(["id_number", "name", "category", "change", "division_code", "certified_on", "note"]);
    expect(read[0]!.fields.name).toBe("王䶮");
  });

  it("reads UTF-8 without a BOM", async () => {
    const path = await write("plain.csv", csvText(rows, "\n"));
    const { file, rows: read } = await readAll({ path });
    expect(file.encoding).toBe("utf-8");
    expect(read.map((r) => r.fields.category)).toEqual(["低保对象", "特困人员"]);
  });

  it("keeps characters that chunk boundaries cut in half (7-byte chunks)", async () => {
    for (const [encoding, bytes] of [
      ["utf-8", Buffer.from(csvText(rows))],
      ["gb18030", iconv.encode(csvText(rows), "gb18030")],
    ] as const) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
      const { file, rows: read } = await readAll({ stream: Readable.from(chunks), format: "csv" });
      expect(file.encoding).toBe(encoding);
      expect(read.map((r) => r.fields.name)).toEqual(["王䶮", "李四"]);
    }
  });

  it("decides late when the first chunk is pure ASCII", async () => {
    const ascii = ["id_number,name,category,change,division_code,certified_on"];
    for (let i = 0; i < 5000; i++) ascii.push(`${syntheticId(i)},Li Si,dibao,added,430524101201,2025-01-05`);
    const text = `${ascii.join("\n")}\n${ID1},张三,低保,新增,430524101201,2025-01-05\n`;
    const { file, rows } = await readAll({ path: await write("late.csv", iconv.encode(text, "gb18030")) });
    expect(rows).toHaveLength(5001);
    expect(rows.at(-1)!.fields.name).toBe("张三");
    expect(file.encoding).toBe("gb18030");
  });

  it("reads UTF-16 \"Unicode text\" (tab-separated)", async () => {
    const text = rows.map((r) => r.join("\t")).join("\r\n");
    const path = await write("u16.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const { file, rows: read } = await readAll({ path });
    expect(file.encoding).toBe("utf-16le");
    expect(read[0]!.fields.name).toBe("王䶮");
  });
});

describe("CSV structure", () => {
  it("accepts English alias headers in any order", async () => {
    const text = csvText([
      ["Name", "ID_Number", "change", "category", "certified_on", "division-code"],
      ["张三", ID1, "added", "dibao", "20250105", "430524101201"],
    ]);
    const { file, rows } = await readAll({ path: await write("alias.csv", text) });
    expect(file.columns).toEqual(["name", "id_number", "change", "category", "certified_on", "division_code"]);
    expect(rows[0]!.fields).toMatchObject({ id_number: ID1, name: "张三", change: "added", note: "" });
  });

  it("trims header cells and accepts the template's required-column marks and common variants", async () => {
    const text = csvText([
      [" *身份证号码 ", "姓名\t", "人员类别", "变动类型", "行政区划代码", "认定时间"],
      [` ${ID1} `, "张三", "低保", "新增", "430524101201", "2025-01-05"],
    ]);
    const { file, rows } = await readAll({ path: await write("variants.csv", text) });
    expect(file.columns).toEqual(["id_number", "name", "category", "change", "division_code", "certified_on"]);
    expect(rows[0]!.fields.id_number).toBe(ID1); // cells are trimmed too
  });

  it("keeps a quoted field with a comma, and counts a quoted line break as one row (as Excel does)", async () => {
    const text = `${HEADER.join(",")}\n${ID1},张三,低保,新增,430524101201,2025-01-05,"住院,门诊"\n${ID2},李四,低保,新增,430524101201,2025-01-05,"第一行\n第二行"\n\n${syntheticId(3)},王五,低保,减少,430524101201,2025-01-05,\n`;
    const { rows } = await readAll({ path: await write("quoted.csv", text) });
    expect(rows.map((r) => r.row)).toEqual([2, 3, 5]); // the blank row 4 is skipped but counted
    expect(rows[0]!.fields.note).toBe("住院,门诊");
    expect(rows[1]!.fields.note).toBe("第一行\n第二行");
    expect(rows.every((r) => r.problems === undefined)).toBe(true);
  });

  it("reports a row with the wrong number of fields, and tolerates empty extras", async () => {
    const text = csvText([
      HEADER,
      [ID1, "张三", "低保", "新增", "430524101201", "2025-01-05", "", "", ""], // trailing empty cells: fine
      [ID2, "李四", "低保", "新增", "430524101201", "2025-01-05", "住院", "门诊"], // an unquoted comma
      [syntheticId(3), "王五", "低保", "新增"], // too short
      [syntheticId(4), "赵六", "低保", "新增", "430524101201", "2025-01-05"], // only the optional note missing: fine
    ]);
    const { rows } = await readAll({ path: await write("width.csv", text) });
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(rows[0]!.problems).toBeUndefined();
    expect(rows[1]!.problems).toEqual([{ row: 3, column: WHOLE_ROW, reason: expect.stringContaining("比表头多 1 列") }]);
    expect(rows[2]!.problems).toEqual([{ row: 4, column: WHOLE_ROW, reason: expect.stringContaining("只有 4 列") }]);
    expect(rows[3]!.problems).toBeUndefined();
  });

  it("reports an unclosed quote on the row where it starts", async () => {
    const text = `${HEADER.join(",")}\n${ID1},"张三,低保,新增,430524101201,2025-01-05,\n${ID2},李四,低保,新增,430524101201,2025-01-05,\n`;
    const { rows } = await readAll({ path: await write("unclosed.csv", text) });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.problems?.map((p) => [p.row, p.column])).toContainEqual([2, WHOLE_ROW]);
    expect(rows[0]!.problems?.[0]!.reason).toContain("双引号");
  });

  it("ignores empty trailing lines and rows of empty cells", async () => {
    const text = `${HEADER.join(",")}\r\n${ID1},张三,低保,新增,430524101201,2025-01-05,\r\n,,,,,,\r\n\r\n\r\n`;
    const { rows } = await readAll({ path: await write("trailing.csv", text) });
    expect(rows.map((r) => r.row)).toEqual([2]);
  });
});

describe("xlsx", () => {
  it("reads the first sheet: text and numeric IDs, date cells, rich text, formulas", async () => {
    const path = tmp.file("list.xlsx");
    await writeXlsxFile(
      path,
      [
        HEADER,
        [ID1, { richText: [{ text: "张" }, { text: "三" }] }, "低保对象", "新增", 430524101201, new Date(Date.UTC(2025, 0, 5)), null],
        [Number(ID2.slice(0, 17) + "0"), "李四", "低保", "在册", "430524101202", "2024/12/1", { formula: "\"备\"&\"注\"", result: "备注" }],
      ],
      { sheets: ["名单", "说明"], dateColumns: [6] },
    );
    const { file, rows } = await readAll({ path });
    expect(file.format).toBe("xlsx");
    expect(file.encoding).toBeNull();
    expect(rows.map((r) => r.row)).toEqual([2, 3]);
    expect(rows[0]!.fields).toEqual({
      id_number: ID1, name: "张三", category: "低保对象", change: "新增",
      division_code: "430524101201", certified_on: "2025-01-05", note: "",
    });
    expect(rows[0]!.problems).toBeUndefined();
    expect(rows[1]!.fields.note).toBe("备注");
    expect(rows[1]!.problems).toEqual([{ row: 3, column: "身份证号", reason: expect.stringContaining("保存成了数字") }]);
  });

  it("leaves no temporary copies of the sheet behind, also when reading stops early", async () => {
    // exceljs copies a sheet that precedes sharedStrings.xml to a temp file named tmp-<pid>-….
    const tempCopies = async () => (await readdir(tmpdir())).filter((f) => f.startsWith(`tmp-${process.pid}-`));
    const path = tmp.file("temp-copies.xlsx");
    const data = Array.from({ length: 50 }, (_, i) => [syntheticId(i), "张三", "低保", "新增", "430524101201", "2025-01-05", ""]);
    await writeXlsxFile(path, [HEADER, ...data], { sheets: ["名单", "说明", "附表"] });
    for (const stopAfter of [Infinity, 1]) {
      let seen = 0;
      let copiesWhileReading = 0;
      for await (const row of await readRosterFile({ path })) {
        void row;
        if (seen++ === 0) copiesWhileReading = (await tempCopies()).length;
        if (seen >= stopAfter) break;
      }
      expect(copiesWhileReading).toBeGreaterThan(0); // the case this test is about
      // tmp removes the files asynchronously, and read-xlsx.ts removes what it left 250 ms after the
      // read: wait for that (polling, up to 3 s on a loaded machine), not a fixed moment.
      for (let waited = 0; waited < 3000 && (await tempCopies()).length > 0; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await tempCopies()).toEqual([]);
    }
  });

  it("reads a workbook whose sheet comes before xl/workbook.xml in the zip", async () => {
    // exceljs's own writer sometimes stores the parts in this order; its reader failed on it.
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const cells = (r: number, values: string[]) =>
      `<row r="${r}">${values.map((v, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`).join("")}</row>`;
    const zip = storedZip({
      "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      "_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      "xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      "xl/sharedStrings.xml": `<?xml version="1.0"?><sst ${ns} count="0" uniqueCount="0"/>`,
      "xl/worksheets/sheet1.xml": `<?xml version="1.0"?><worksheet ${ns}><sheetData>${cells(1, HEADER.slice(0, 6))}${cells(2, [ID1, "张三", "低保对象", "新增", "430524101201", "2025-01-05"])}</sheetData></worksheet>`,
      "xl/workbook.xml": `<?xml version="1.0"?><workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    });
    const { rows } = await readAll({ path: await write("sheet-first.xlsx", zip) });
    expect(rows.map((r) => [r.row, r.fields.id_number, r.fields.name])).toEqual([[2, ID1, "张三"]]);
  });

  it("takes the format from the bytes when given a stream", async () => {
    const path = tmp.file("stream.xlsx");
    await writeXlsxFile(path, [HEADER, [ID1, "张三", "低保", "新增", "430524101201", "2025-01-05", ""]]);
    const { createReadStream } = await import("node:fs");
    const { file, rows } = await readAll({ stream: createReadStream(path), format: "csv" });
    expect(file.format).toBe("xlsx");
    expect(rows).toHaveLength(1);
  });
});
