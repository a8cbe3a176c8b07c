import { Readable } from "node:stream";
import { cellText } from "./cell-value";
import { TableFileError } from "./errors";
import { excelJsWithUtf8Fix, removeTempCopies, withTempCopies } from "./exceljs-utf8";
import type { RawRecord } from "./raw-record";

// Records of the first worksheet (tab order) of an .xlsx, read with exceljs's
// streaming WorkbookReader so the sheet is never loaded as a whole. Shared
// strings are cached (the xlsx format needs them to read any row); styles are
// cached so that date-formatted cells arrive as dates.
//
// Temporary files: when a worksheet comes before sharedStrings.xml in the zip
// (as Excel writes it), exceljs copies the sheet to a temp file and deletes it
// only when its own iteration moves past that sheet. Stopping after the first
// sheet, or on an error, would leave copies of the roster (names, ID numbers)
// in the temp folder of a long-running server, so the sheet iterator is always
// run to its end, skipping the other sheets without parsing them; a copy that
// a damaged file still leaves (exceljs stops at the error) is removed at the
// end of the read (withTempCopies / removeTempCopies, exceljs-utf8.ts).

type SheetReader = {
  id?: number | string;
  /** For a sheet exceljs copied to a temp file: the fs.ReadStream of that copy. */
  iterator?: unknown;
  parse(): AsyncIterator<{ eventType: string; value: unknown }[]>;
};
type XlsxRow = { number: number; values: unknown };
type WorkbookModel = { sheets?: { id?: number | string }[] };

function corrupt(cause: unknown): TableFileError {
  return new TableFileError("corrupt_xlsx", "无法读取该 Excel 文件（文件可能已损坏或不是 .xlsx），请在 Excel 或 WPS 中重新“另存为” .xlsx 后再上传", { cause });
}

/** Closes the read stream of a sheet's temp copy, if it has one. */
function release(sheet: SheetReader): void {
  const stream = sheet.iterator as { destroy?: () => void; path?: unknown } | undefined;
  if (stream && typeof stream.destroy === "function" && typeof stream.path === "string") {
    // Destroyed before it opened, a copy removed meanwhile (removeTempCopies) fails to open: not an error of the read.
    (stream as { on?: (event: string, fn: () => void) => void }).on?.("error", () => {});
    stream.destroy();
  }
}

async function drain(next: () => Promise<IteratorResult<SheetReader>>): Promise<void> {
  try {
    for (let sheet = await next(); !sheet.done; sheet = await next()) release(sheet.value);
  } catch {
    // The workbook is damaged; the error that matters has been thrown already.
  }
}

export async function* xlsxRecords(chunks: AsyncIterable<Buffer>): AsyncGenerator<RawRecord[]> {
  const input = Readable.from(chunks, { objectMode: false });
  // exceljs with its chunk-boundary UTF-8 bug fixed (see exceljs-utf8.ts).
  const reader = new (excelJsWithUtf8Fix().stream.xlsx.WorkbookReader)(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  // exceljs reads `model.sheets` when a worksheet arrives, but sets `model`
  // only on reaching xl/workbook.xml: a zip with the sheet before the workbook
  // part (exceljs's own writer produces either order, depending on which part
  // finishes first) failed as "Cannot read properties of undefined". An empty
  // model makes that case "the first sheet in the zip", as below.
  (reader as unknown as { model?: WorkbookModel }).model ??= {};
  const sheets = (reader as unknown as AsyncIterable<SheetReader>)[Symbol.asyncIterator]();
  // The worksheet copies exceljs makes while reading this file, removed at the end whatever happened.
  const copies = new Map<string, () => void>();
  const nextSheet = () => withTempCopies(copies, () => sheets.next());
  let found = false;
  try {
    // A manual loop: leaving it must not return() the iterator (see drain).
    let target: SheetReader | undefined;
    for (let next = await nextSheet(); !next.done; next = await nextSheet()) {
      // workbook.xml precedes the sheets in files from Excel and WPS; its first
      // <sheet> is the first tab. Without it, the first sheet in the zip is used.
      const firstId = (reader as unknown as { model?: WorkbookModel }).model?.sheets?.[0]?.id;
      if (firstId === undefined || next.value.id === undefined || String(next.value.id) === String(firstId)) {
        target = next.value;
        break;
      }
      release(next.value);
    }
    if (target) {
      found = true;
      const sheet = target;
      const events: AsyncIterable<{ eventType: string; value: unknown }[]> = { [Symbol.asyncIterator]: () => sheet.parse() };
      try {
        for await (const batch of events) {
          const records: RawRecord[] = [];
          for (const { eventType, value } of batch) {
            if (eventType === "row") records.push(toRecord(value as XlsxRow));
          }
          if (records.length > 0) yield records;
        }
      } finally {
        release(sheet);
      }
    }
  } catch (cause) {
    throw cause instanceof TableFileError ? cause : corrupt(cause);
  } finally {
    await drain(nextSheet);
    input.destroy();
    removeTempCopies(copies);
  }
  if (!found) throw new TableFileError("no_worksheet", "文件中没有可读取的工作表，请确认上传的是按模板填写的 .xlsx 名单");
}

function toRecord(row: XlsxRow): RawRecord {
  // row.values is 1-based and sparse: values[3] is column C.
  const values = row.values as unknown[];
  const cells: string[] = [];
  let lossy: number[] | undefined;
  for (let col = 1; col < values.length; col++) {
    // A text cell whose shared-strings part is missing: exceljs hands over
    // { sharedString: n }, which read as "[object Object]" (a header "无法识别的列“[object Object]”").
    if ((values[col] as { sharedString?: unknown } | null)?.sharedString !== undefined) throw corrupt(new Error("xlsx: shared strings missing"));
    const { text, lossy: isLossy } = cellText(values[col]);
    cells.push(text);
    if (isLossy) (lossy ??= []).push(col - 1);
  }
  return lossy ? { row: row.number, cells, lossy } : { row: row.number, cells };
}
