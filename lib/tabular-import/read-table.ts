import { AutoDecoder, decodeChunks, type TableEncoding } from "./decode";
import { TableFileError, WHOLE_ROW, type TableRowError } from "./errors";
import type { HeaderLayout } from "./header-resolver";
import type { RawRecord } from "./raw-record";
import { csvRecords } from "./read-csv";
import { xlsxRecords } from "./read-xlsx";
import { openSource, type TableFormat, type TableInput } from "./source";

// The one reader of every tabular import (rosters, enrolment, claims): the
// format decided by the bytes (source.ts), CSV decoded in whatever encoding
// it came (decode.ts) or an .xlsx read as a stream within its unpacking
// limits (read-xlsx.ts), the header found and resolved with the domain's
// columns and aliases, each record mapped to trimmed text by column, and the
// record's own structure problems (wrong number of fields, an ID that Excel
// stored as a number) attached to the row for the domain's row checks.
// A domain gives only its columns (TableColumns); it validates the rows.

export type TableColumns<K extends string> = {
  keys: readonly K[];
  headers: Record<K, string>;
  required: readonly K[];
  resolveHeader: (cells: readonly string[], headerRow?: number) => HeaderLayout<K>;
  /** What the file holds, in messages: 名单, 参保数据, 结算记录. */
  noun: string;
};

/** One data row: trimmed cell text by column ("" for an absent optional column). */
export type TableRow<K extends string> = {
  row: number;
  fields: Record<K, string>;
  /** Problems the reader already found (wrong number of fields, an ID stored as a number); the row checks report them. */
  problems?: TableRowError[];
};

export type TableFile<K extends string> = AsyncIterable<TableRow<K>> & {
  readonly format: TableFormat;
  /** CSV: the detected encoding ("utf-8" while everything read so far was ASCII); xlsx: null. */
  readonly encoding: TableEncoding | null;
  /** The columns present, in file order. */
  readonly columns: readonly K[];
  readonly headerRow: number;
  /** File size when read from a path, else null; with bytesRead() it drives a progress bar. */
  readonly totalBytes: number | null;
  bytesRead(): number;
  /** SHA-256 (hex) of the file's bytes, available once every row has been read; null before. */
  sha256(): string | null;
  /** The rows in batches (one per chunk, about a thousand rows): cheaper than row by row for bulk imports. */
  batches(): AsyncIterable<TableRow<K>[]>;
  /** Stops reading early and releases the file. */
  close(): Promise<void>;
};

const LOSSY_ID =
  "身份证号被保存成了数字，Excel 只保留15位有效数字，末尾几位已丢失、无法还原。请把该列设为“文本”格式后重新录入身份证号";
const LOSSY_OTHER = "该值是超过15位的数字，Excel 已丢失末尾数字，请把该列设为“文本”格式后重新录入";

/**
 * Opens an import file (.csv or .xlsx) and reads up to the header and the
 * first data row, so that every file-level problem (not a spreadsheet, empty,
 * header only, bad header, too large once unpacked) is thrown here as a
 * TableFileError; the rows are then streamed. Memory stays at about one chunk
 * whatever the size of the file.
 */
export async function readTableFile<K extends string>(input: TableInput, columns: TableColumns<K>): Promise<TableFile<K>> {
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
      throw error instanceof TableFileError
        ? error
        : new TableFileError("unreadable", "读取文件时出错，请确认文件是按模板填写的 .xlsx 或 .csv", { cause: error });
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
      if (!batch) throw new TableFileError("empty", `文件没有内容，请按模板填写表头和${columns.noun}后再上传`);
      continue;
    }
    const record = batch[at++]!;
    if (!isBlank(record.cells)) header = record;
  }
  let layout: HeaderLayout<K>;
  try {
    layout = columns.resolveHeader(header.cells, header.row);
  } catch (error) {
    await close();
    throw error;
  }
  const map = rowMapper(columns, layout, strictWidth);

  // Peek the first data row so a header-only file is a file-level error.
  const first: TableRow<K>[] = [];
  while (first.length === 0) {
    if (at >= batch.length) {
      batch = await next();
      at = 0;
      if (!batch) throw new TableFileError("header_only", `文件只有表头，没有${columns.noun}，请填写后再上传`, { row: header.row });
      continue;
    }
    const record = batch[at++]!;
    if (!isBlank(record.cells)) first.push(map(record));
  }
  for (; at < batch.length; at++) if (!isBlank(batch[at]!.cells)) first.push(map(batch[at]!));

  let consumed = false;
  async function* batches(): AsyncGenerator<TableRow<K>[]> {
    if (consumed) throw new Error("an import file can be read only once");
    consumed = true;
    try {
      yield first;
      for (let b = await next(); b; b = await next()) {
        const rows: TableRow<K>[] = [];
        for (const record of b) if (!isBlank(record.cells)) rows.push(map(record));
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

/** Maps a record to a row; called once per row of a possibly million-row file, so the per-column work is set up once. */
function rowMapper<K extends string>(columns: TableColumns<K>, layout: HeaderLayout<K>, strictWidth: boolean): (record: RawRecord) => TableRow<K> {
  const keys = columns.keys;
  const index = keys.map((k) => layout.index[k]);
  const requiredMax = Math.max(...columns.required.map((k) => layout.index[k] ?? -1));
  return (record) => {
    const { cells, row } = record;
    const fields = {} as Record<K, string>;
    for (let k = 0; k < keys.length; k++) {
      const i = index[k];
      fields[keys[k]!] = i === undefined ? "" : (cells[i] ?? "").trim();
    }
    const wellFormed = !record.problem && !record.lossy && (strictWidth ? cells.length === layout.width : cells.length <= layout.width);
    if (wellFormed) return { row, fields };
    const problems = structureProblems(record, columns, layout, strictWidth, requiredMax);
    return problems.length > 0 ? { row, fields, problems } : { row, fields };
  };
}

function structureProblems<K extends string>(record: RawRecord, columns: TableColumns<K>, layout: HeaderLayout<K>, strictWidth: boolean, requiredMax: number): TableRowError[] {
  const { cells, row } = record;
  const problems: TableRowError[] = [];
  if (record.problem) problems.push({ row, column: WHOLE_ROW, reason: record.problem });
  if (cells.length > layout.width) {
    const extra = cells.slice(layout.width).findIndex((c) => c.trim() !== "");
    if (extra !== -1) {
      const reason = strictWidth
        ? `该行有 ${cells.length} 列，比表头多 ${cells.length - layout.width} 列（某个值里可能有未加引号的英文逗号），请检查该行`
        : `该行第 ${layout.width + extra + 1} 列有内容，但这一列没有表头，请删除该内容或补上表头`;
      problems.push({ row, column: WHOLE_ROW, reason });
    }
  } else if (strictWidth && cells.length < layout.width && requiredMax >= cells.length) {
    problems.push({ row, column: WHOLE_ROW, reason: `该行只有 ${cells.length} 列，表头有 ${layout.width} 列，请补齐缺少的列` });
  }
  for (const i of record.lossy ?? []) {
    const key = layout.columns.find((k) => layout.index[k] === i);
    if (key) problems.push({ row, column: columns.headers[key], reason: key === "id_number" ? LOSSY_ID : LOSSY_OTHER });
  }
  return problems;
}
