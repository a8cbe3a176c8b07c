import { Readable } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { iterateStream } from "./exceljs-utf8";
import { readRosterFile } from "@/lib/rosters/read-roster";
import { storedZip, syntheticId, tempDir, writeXlsxFile } from "@/tests/helpers/roster-files";

// exceljs's streaming reader decoded each 16 KB chunk on its own, turning a
// Chinese character split across two chunks into U+FFFD (exceljs-utf8.ts).
// A workbook as Excel writes it (shared strings) with thousands of Chinese
// cells crosses many chunk boundaries; every cell must come back intact.

let files: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  files = await tempDir();
});
afterAll(async () => files?.remove());

it("reads every Chinese cell of a large .xlsx intact", async () => {
  const header = ["身份证号", "姓名", "类别", "变动", "区划代码", "认定日期", "备注"];
  const expected = Array.from({ length: 5000 }, (_, i) => [syntheticId(i + 1), `欧阳${"明华秀英德福"[i % 6]}${i}`, "低保对象", "在册", "430524100201", "2025-01-01", `第${i}号备注：已核实`]);
  await writeXlsxFile(files.file("large.xlsx"), [header, ...expected]);
  const file = await readRosterFile({ path: files.file("large.xlsx") });
  const seen: string[][] = [];
  for await (const row of file) seen.push([row.fields.id_number, row.fields.name, row.fields.category, row.fields.change, row.fields.division_code, row.fields.certified_on, row.fields.note]);
  expect(seen).toEqual(expected);
});

// exceljs's iterate-stream stopped at unzipper's early 'end' and lost the zip
// entries still buffered (exceljs-utf8.ts): the sheet was read before its
// shared strings, now and then.
it("keeps the entries a stream buffered before an early 'end' event", async () => {
  const stream = new Readable({ objectMode: true, read() {} });
  stream.push("sheet");
  stream.push("sharedStrings");
  stream.push("workbook");
  const seen: unknown[] = [];
  for await (const entry of iterateStream(stream)) {
    seen.push(entry);
    if (seen.length === 1) {
      stream.emit("end"); // as unzipper's Parse does once its input is written
      setTimeout(() => stream.push(null), 5);
    }
  }
  expect(seen).toEqual(["sheet", "sharedStrings", "workbook"]);
});

it("reads the shared strings of an uncompressed workbook every time", async () => {
  const header = ["身份证号", "姓名", "类别", "变动", "区划代码", "认定日期"];
  const row = [syntheticId(7), "赵六", "防止返贫监测帮扶对象", "减少", "430524100203", "2025-08-01"];
  // Parts in Excel's order (the sheet before sharedStrings.xml, so exceljs
  // copies it to a temp file), stored without compression: the zip parser
  // then finishes long before the reader does.
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const strings = [...header, ...row];
  const cells = (r: number, offset: number) =>
    `<row r="${r}">${header.map((_, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="s"><v>${offset + i}</v></c>`).join("")}</row>`;
  const stored = storedZip({
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0"?><workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": `<?xml version="1.0"?><worksheet ${ns}><sheetData>${cells(1, 0)}${cells(2, header.length)}</sheetData></worksheet>`,
    "xl/sharedStrings.xml": `<?xml version="1.0"?><sst ${ns} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t>${t}</t></si>`).join("")}</sst>`,
  });
  for (let i = 0; i < 30; i++) {
    const file = await readRosterFile({ stream: Readable.from([stored]), format: "xlsx" });
    const rows: string[][] = [];
    for await (const r of file) rows.push([r.fields.id_number, r.fields.name, r.fields.category, r.fields.change, r.fields.division_code, r.fields.certified_on]);
    expect(rows).toEqual([row]);
  }
});
