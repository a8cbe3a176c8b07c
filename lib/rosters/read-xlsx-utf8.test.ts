import { afterAll, beforeAll, expect, it } from "vitest";
import { readRosterFile } from "./read-roster";
import { syntheticId, tempDir, writeXlsxFile } from "./test-files";

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
