import { PassThrough, type Writable } from "node:stream";
import ExcelJS from "exceljs";
import { defaultWidth, safeCell, safeSheetNames, type Sheet } from "./sheet";

export type { CellValue, Sheet, SheetColumn } from "./sheet";

/**
 * Writes an .xlsx to `out`: one worksheet per sheet, header row bold and frozen,
 * every formula-like string neutralised (see neutralize.ts). Uses exceljs's
 * streaming writer and commits each row, so an export of a million rows is not
 * built up as a workbook in memory.
 */
export async function writeXlsx(sheets: readonly Sheet[], out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const names = safeSheetNames(sheets.map((s) => s.name));
  for (const [i, sheet] of sheets.entries()) {
    const worksheet = workbook.addWorksheet(names[i], { views: [{ state: "frozen", ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((c) => ({
      key: c.key,
      width: c.width ?? defaultWidth(c.header),
      ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
    }));
    const header = worksheet.addRow(sheet.columns.map((c) => safeCell(c.header)));
    header.font = { bold: true };
    header.commit();
    for await (const row of sheet.rows) {
      worksheet.addRow(sheet.columns.map((c) => safeCell(row[c.key]))).commit();
    }
    if (sheet.footer?.length) {
      worksheet.addRow([]).commit();
      for (const text of sheet.footer) worksheet.addRow([safeCell(text)]).commit();
    }
    worksheet.commit();
  }
  await workbook.commit();
}

/** The same as writeXlsx, collected into a Buffer (for downloads and tests). */
export async function toXlsx(sheets: readonly Sheet[]): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on("end", resolve);
    sink.on("error", reject);
  });
  await writeXlsx(sheets, sink);
  await ended;
  return Buffer.concat(chunks);
}
