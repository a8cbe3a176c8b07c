import { COLUMN_HEADERS, REQUIRED_COLUMNS, resolveHeader, type ColumnKey, type ColumnLayout } from "./columns";
import { AutoDecoder, decodeChunks, type RosterEncoding } from "./decode";
import { RosterFileError, WHOLE_ROW, type RosterRowError } from "./errors";
import type { RawRecord } from "./raw-record";
import { csvRecords } from "./read-csv";
import { xlsxRecords } from "./read-xlsx";
import { openSource, type RosterFormat, type RosterInput } from "./source";

export type { RosterFormat, RosterInput } from "./source";
export type { RosterEncoding } from "./decode";

/** One data row: trimmed cell text by column ("" for an absent optional column). */
export type RosterRow = {
  row: number;
  fields: Record<ColumnKey, string>;
  /** Problems the reader already found (wrong number of fields, an ID stored as a number); validateRosterRow reports them. */
  problems?: RosterRowError[];
};

export type RosterFile = AsyncIterable<RosterRow> & {
  readonly format: RosterFormat;
  /** CSV: the detected encoding ("utf-8" while everything read so far was ASCII); xlsx: null. */
  readonly encoding: RosterEncoding | null;
  /** The columns present, in file order. */
  readonly columns: readonly ColumnKey[];
  readonly headerRow: number;
  /** File size when read from a path, else null; with bytesRead() it drives a progress bar. */
  readonly totalBytes: number | null;
  bytesRead(): number;
  /** SHA-256 (hex) of the file's bytes, available once every row has been read; null before. */
  sha256(): string | null;
  /** The rows in batches (one per chunk, about a thousand rows): cheaper than row by row for bulk imports. */
  batches(): AsyncIterable<RosterRow[]>;
  /** Stops reading early and releases the file. */
  close(): Promise<void>;
};

const LOSSY_ID =
  "身份证号被保存成了数字，Excel 只保留15位有效数字，末尾几位已丢失、无法还原。请把该列设为“文本”格式后重新录入身份证号";
const LOSSY_OTHER = "该值是超过15位的数字，Excel 已丢失末尾数字，请把该列设为“文本”格式后重新录入";

/**
 * Opens a roster (.csv or .xlsx) and reads up to the header and the first data
 * row, so that every file-level problem (not a roster, empty, header only, bad
 * header) is thrown here as a RosterFileError; the rows are then streamed.
 * Memory stays at about one chunk whatever the size of the file.
 */
export async function readRosterFile(input: RosterInput): Promise<RosterFile> {
  const source = await openSource(input);
  const decoder = source.format === "csv" ? new AutoDecoder() : null;
  const records = decoder ? csvRecords(decodeChunks(source.chunks, decoder)) : xlsxRecords(source.chunks);
  const strictWidth = source.format === "csv";

  const close = async () => {
    await records.return(undefined);
    await source.close();
  };
  const next = async (): Promise<RawRecord[] | null> => {
    try {
      const result = await records.next();
      return result.done ? null : result.value;
    } catch (error) {
      await close();
      throw error instanceof RosterFileError
        ? error
        : new RosterFileError("unreadable", "读取文件时出错，请确认文件是按模板填写的 .xlsx 或 .csv", { cause: error });
    }
  };

  // Header: the first non-blank record (normally row 1).
  let batch: RawRecord[] | null = [];
  let at = 0;
  let header: RawRecord | undefined;
  while (!header) {
    if (at >= batch.length) {
      batch = await next();
      at = 0;
      if (!batch) throw new RosterFileError("empty", "文件没有内容，请按模板填写表头和名单后再上传");
      continue;
    }
    const record = batch[at++]!;
    if (!isBlank(record.cells)) header = record;
  }
  let layout: ColumnLayout;
  try {
    layout = resolveHeader(header.cells, header.row);
  } catch (error) {
    await close();
    throw error;
  }

  // Peek the first data row so a header-only file is a file-level error.
  const first: RosterRow[] = [];
  while (first.length === 0) {
    if (at >= batch.length) {
      batch = await next();
      at = 0;
      if (!batch) throw new RosterFileError("header_only", "文件只有表头，没有名单数据，请填写后再上传", { row: header.row });
      continue;
    }
    const record = batch[at++]!;
    if (!isBlank(record.cells)) first.push(toRow(record, layout, strictWidth));
  }
  for (; at < batch.length; at++) if (!isBlank(batch[at]!.cells)) first.push(toRow(batch[at]!, layout, strictWidth));

  let consumed = false;
  async function* batches(): AsyncGenerator<RosterRow[]> {
    if (consumed) throw new Error("a roster file can be read only once");
    consumed = true;
    try {
      yield first;
      for (let b = await next(); b; b = await next()) {
        const rows: RosterRow[] = [];
        for (const record of b) if (!isBlank(record.cells)) rows.push(toRow(record, layout, strictWidth));
        if (rows.length > 0) yield rows;
      }
    } finally {
      await close();
    }
  }

  return {
    format: source.format,
    get encoding() {
      return decoder ? decoder.encoding : null;
    },
    columns: layout.columns,
    headerRow: header.row,
    totalBytes: source.totalBytes,
    bytesRead: source.bytesRead,
    sha256: source.sha256,
    batches,
    close,
    async *[Symbol.asyncIterator]() {
      for await (const rows of batches()) yield* rows;
    },
  };
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== "") return false;
  return true;
}

// Called once per row of a possibly million-row file: no closures per row.
function cell(cells: readonly string[], i: number | undefined): string {
  return i === undefined ? "" : (cells[i] ?? "").trim();
}

function toRow(record: RawRecord, layout: ColumnLayout, strictWidth: boolean): RosterRow {
  const { cells, row } = record;
  const ix = layout.index;
  const fields: Record<ColumnKey, string> = {
    id_number: cell(cells, ix.id_number),
    name: cell(cells, ix.name),
    category: cell(cells, ix.category),
    change: cell(cells, ix.change),
    division_code: cell(cells, ix.division_code),
    certified_on: cell(cells, ix.certified_on),
    note: cell(cells, ix.note),
  };
  const wellFormed = !record.problem && !record.lossy && (strictWidth ? cells.length === layout.width : cells.length <= layout.width);
  if (wellFormed) return { row, fields };
  const problems = structureProblems(record, layout, strictWidth);
  return problems.length > 0 ? { row, fields, problems } : { row, fields };
}

function structureProblems(record: RawRecord, layout: ColumnLayout, strictWidth: boolean): RosterRowError[] {
  const { cells, row } = record;
  const problems: RosterRowError[] = [];
  if (record.problem) problems.push({ row, column: WHOLE_ROW, reason: record.problem });
  if (cells.length > layout.width) {
    const extra = cells.slice(layout.width).findIndex((c) => c.trim() !== "");
    if (extra !== -1) {
      const reason = strictWidth
        ? `该行有 ${cells.length} 列，比表头多 ${cells.length - layout.width} 列（某个值里可能有未加引号的英文逗号），请检查该行`
        : `该行第 ${layout.width + extra + 1} 列有内容，但这一列没有表头，请删除该内容或补上表头`;
      problems.push({ row, column: WHOLE_ROW, reason });
    }
  } else if (strictWidth && cells.length < layout.width && REQUIRED_COLUMNS.some((k) => layout.index[k]! >= cells.length)) {
    problems.push({ row, column: WHOLE_ROW, reason: `该行只有 ${cells.length} 列，表头有 ${layout.width} 列，请补齐缺少的列` });
  }
  for (const i of record.lossy ?? []) {
    const key = layout.columns.find((k) => layout.index[k] === i);
    if (key) problems.push({ row, column: COLUMN_HEADERS[key], reason: key === "id_number" ? LOSSY_ID : LOSSY_OTHER });
  }
  return problems;
}
