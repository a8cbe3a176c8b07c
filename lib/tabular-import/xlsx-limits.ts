import type { ZipEntry } from "./zip-directory";

// How far an .xlsx may unpack. An .xlsx is a zip of XML parts; a 1.2 MB file
// can expand to 30 million shared strings (half a gigabyte of XML) and keep
// exceljs busy for 30–40 s and 1.8 GB — while the import holds the
// department's roll lock. So the central directory is judged first, before
// anything is inflated (check-xlsx-file.ts, before any lock), and the XML
// parts are counted while they are parsed (exceljs-utf8.ts), which also
// catches a zip whose directory lies about its sizes.
//
// Measured (exceljs writer, 100,000 repetitive roster rows): the sheet XML is
// 29 MB at 9.5:1, shared strings 3.4 MB at 8:1 — so a million-row roster is
// about 300–350 MB of sheet XML. Real workbooks stay far below 100:1;
// generated bombs are at 500–1000:1.

/** Uncompressed size of one part. */
export const MAX_XLSX_PART_BYTES = 1024 * 1024 * 1024;
/** Uncompressed size of all parts together. */
export const MAX_XLSX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024;
/** Compression ratio a part over RATIO_FLOOR_BYTES may have. */
export const MAX_XLSX_RATIO = 100;
export const RATIO_FLOOR_BYTES = 10 * 1024 * 1024;
/** Parts in the zip (a workbook has about ten). */
export const MAX_XLSX_ENTRIES = 10_000;
/** Shared strings (a million-row roster has at most about three per row that are text). */
export const MAX_SHARED_STRINGS = 5_000_000;
/** Rows of the worksheet: Excel's own maximum. */
export const MAX_SHEET_ROWS = 1_048_576;
/** Cells of the worksheet: a million rows of twenty columns. */
export const MAX_SHEET_CELLS = 20_000_000;

const SPLIT = "请删除多余的工作表、空白行列，或按乡镇拆分为几个文件分别上传";

export const XLSX_TOO_LARGE = `该 Excel 文件解压后过大，超出系统的处理上限（可能含有大量空白单元格、重复内容，或不是正常导出的表格）。${SPLIT}`;

export function tooManyMessage(what: "shared" | "rows" | "cells"): string {
  const text = {
    shared: `文本单元格超过 ${MAX_SHARED_STRINGS.toLocaleString("en-US")} 个`,
    rows: `行数超过 ${MAX_SHEET_ROWS.toLocaleString("en-US")} 行`,
    cells: `单元格超过 ${MAX_SHEET_CELLS.toLocaleString("en-US")} 个`,
  }[what];
  return `该 Excel 文件${text}，超出系统的处理上限。${SPLIT}`;
}

/** The reason an .xlsx with these entries is refused, or null when it may be read. */
export function xlsxEntriesProblem(entries: readonly ZipEntry[]): string | null {
  if (entries.length > MAX_XLSX_ENTRIES) return XLSX_TOO_LARGE;
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    if (e.uncompressed > MAX_XLSX_PART_BYTES || total > MAX_XLSX_TOTAL_BYTES) return XLSX_TOO_LARGE;
    if (e.uncompressed > RATIO_FLOOR_BYTES && e.uncompressed > MAX_XLSX_RATIO * Math.max(e.compressed, 1)) return XLSX_TOO_LARGE;
  }
  return null;
}
