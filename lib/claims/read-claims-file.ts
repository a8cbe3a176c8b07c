import { AutoDecoder, decodeChunks } from "@/lib/rosters/decode";
import { RosterFileError, WHOLE_ROW, type RosterRowError } from "@/lib/rosters/errors";
import type { RawRecord } from "@/lib/rosters/raw-record";
import { csvRecords } from "@/lib/rosters/read-csv";
import { xlsxRecords } from "@/lib/rosters/read-xlsx";
import { openSource } from "@/lib/rosters/source";
import { CLAIM_COLUMN_KEYS, CLAIM_HEADERS, resolveClaimHeader, type ClaimColumnKey, type ClaimLayout } from "./claim-columns";

// Reads a settlement-record file (.xlsx, or CSV in UTF-8 with or without BOM,
// GB18030 or UTF-16) with the roster file layer: format sniffing, encoding
// detection and the streaming CSV/xlsx readers are shared; only the columns
// differ. File-level problems (not a spreadsheet, bad header, no rows) are
// thrown as RosterFileError; row-level structure problems travel with the row.

export type ClaimFileRow = {
  row: number;
  fields: Record<ClaimColumnKey, string>;
  problems?: RosterRowError[];
};

const LOSSY = "该值是超过15位的数字，Excel 已丢失末尾数字，请把该列设为“文本”格式后重新录入";

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === "");
}

function toRow(record: RawRecord, layout: ClaimLayout, csv: boolean): ClaimFileRow {
  const fields = {} as Record<ClaimColumnKey, string>;
  for (const key of CLAIM_COLUMN_KEYS) {
    const i = layout.index[key];
    fields[key] = i === undefined ? "" : (record.cells[i] ?? "").trim();
  }
  const problems: RosterRowError[] = [];
  const { row, cells } = record;
  if (record.problem) problems.push({ row, column: WHOLE_ROW, reason: record.problem });
  const extra = cells.slice(layout.width).some((c) => c.trim() !== "");
  if (extra) {
    problems.push({
      row,
      column: WHOLE_ROW,
      reason: csv
        ? `该行有 ${cells.length} 列，比表头多（某个值里可能有未加引号的英文逗号），请检查该行`
        : "该行在最后一个表头之后还有内容，请删除该内容或补上表头",
    });
  } else if (csv && cells.length < layout.width) {
    problems.push({ row, column: WHOLE_ROW, reason: `该行只有 ${cells.length} 列，表头有 ${layout.width} 列，请补齐缺少的列` });
  }
  for (const i of record.lossy ?? []) {
    const key = CLAIM_COLUMN_KEYS.find((k) => layout.index[k] === i);
    if (key) problems.push({ row, column: CLAIM_HEADERS[key], reason: LOSSY });
  }
  return problems.length > 0 ? { row, fields, problems } : { row, fields };
}

/** Every data row of the file, in batches; throws RosterFileError for a file-level problem. */
export async function* readClaimsFile(path: string): AsyncGenerator<ClaimFileRow[]> {
  const source = await openSource({ path });
  const csv = source.format === "csv";
  const records = csv ? csvRecords(decodeChunks(source.chunks, new AutoDecoder())) : xlsxRecords(source.chunks);
  let layout: ClaimLayout | null = null;
  let headerRow = 1;
  let rows = 0;
  try {
    for await (const batch of records) {
      const out: ClaimFileRow[] = [];
      for (const record of batch) {
        if (isBlank(record.cells)) continue;
        if (!layout) {
          headerRow = record.row;
          layout = resolveClaimHeader(record.cells, record.row);
          continue;
        }
        out.push(toRow(record, layout, csv));
      }
      rows += out.length;
      if (out.length > 0) yield out;
    }
  } catch (error) {
    throw error instanceof RosterFileError
      ? error
      : new RosterFileError("unreadable", "读取文件时出错，请确认文件是按模板填写的 .xlsx 或 .csv", { cause: error });
  } finally {
    await records.return(undefined);
    await source.close();
  }
  if (!layout) throw new RosterFileError("empty", "文件没有内容，请按模板填写表头和结算记录后再上传");
  if (rows === 0) throw new RosterFileError("header_only", "文件只有表头，没有结算记录，请填写后再上传", { row: headerRow });
}
