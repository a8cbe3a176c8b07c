import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { cellText } from "./cell-value";
import { RosterFileError } from "./errors";
import type { RawRecord } from "./raw-record";

// Records of the first worksheet (tab order) of an .xlsx, read with exceljs's
// streaming WorkbookReader so the sheet is never loaded as a whole. Shared
// strings are cached (the xlsx format needs them to read any row); styles are
// cached so that date-formatted cells arrive as dates.

type SheetReader = { id?: number | string; parse(): AsyncIterator<{ eventType: string; value: unknown }[]> };
type XlsxRow = { number: number; values: unknown };
type WorkbookModel = { sheets?: { id?: number | string }[] };

function corrupt(cause: unknown): RosterFileError {
  return new RosterFileError("corrupt_xlsx", "无法读取该 Excel 文件（文件可能已损坏或不是 .xlsx），请在 Excel 或 WPS 中重新“另存为” .xlsx 后再上传", { cause });
}

export async function* xlsxRecords(chunks: AsyncIterable<Buffer>): AsyncGenerator<RawRecord[]> {
  const input = Readable.from(chunks, { objectMode: false });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  let found = false;
  try {
    for await (const sheet of reader as unknown as AsyncIterable<SheetReader>) {
      // workbook.xml precedes the sheets in files from Excel and WPS; its first
      // <sheet> is the first tab. Without it, the first sheet in the zip is used.
      const firstId = (reader as unknown as { model?: WorkbookModel }).model?.sheets?.[0]?.id;
      if (firstId !== undefined && sheet.id !== undefined && String(sheet.id) !== String(firstId)) continue;
      found = true;
      const events: AsyncIterable<{ eventType: string; value: unknown }[]> = { [Symbol.asyncIterator]: () => sheet.parse() };
      for await (const batch of events) {
        const records: RawRecord[] = [];
        for (const { eventType, value } of batch) {
          if (eventType === "row") records.push(toRecord(value as XlsxRow));
        }
        if (records.length > 0) yield records;
      }
      break;
    }
  } catch (cause) {
    throw cause instanceof RosterFileError ? cause : corrupt(cause);
  } finally {
    input.destroy();
  }
  if (!found) throw new RosterFileError("no_worksheet", "文件中没有可读取的工作表，请确认上传的是按模板填写的 .xlsx 名单");
}

function toRecord(row: XlsxRow): RawRecord {
  // row.values is 1-based and sparse: values[3] is column C.
  const values = row.values as unknown[];
  const cells: string[] = [];
  let lossy: number[] | undefined;
  for (let col = 1; col < values.length; col++) {
    const { text, lossy: isLossy } = cellText(values[col]);
    cells.push(text);
    if (isLossy) (lossy ??= []).push(col - 1);
  }
  return lossy ? { row: row.number, cells, lossy } : { row: row.number, cells };
}
