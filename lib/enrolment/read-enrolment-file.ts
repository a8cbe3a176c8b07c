import { AutoDecoder, decodeChunks } from "@/lib/rosters/decode";
import { RosterFileError, WHOLE_ROW, type RosterRowError } from "@/lib/rosters/errors";
import type { RawRecord } from "@/lib/rosters/raw-record";
import { csvRecords } from "@/lib/rosters/read-csv";
import { xlsxRecords } from "@/lib/rosters/read-xlsx";
import { openSource } from "@/lib/rosters/source";
import { ENROLMENT_HEADERS, ENROLMENT_KEYS, REQUIRED_KEYS, resolveEnrolmentHeader, type EnrolmentKey, type EnrolmentLayout } from "./columns";

// Reads an enrolment file (.xlsx, or CSV in UTF-8 with or without BOM, GB18030
// or UTF-16) with the roster file layer: the format is decided by the bytes,
// the encoding detected, the rows streamed in batches so a file of every
// resident of a county is never held in memory at once.

export type EnrolmentRow = {
  row: number;
  fields: Record<EnrolmentKey, string>;
  /** Problems of the record itself (wrong number of fields, an ID saved as a number). */
  problems?: RosterRowError[];
};

export type EnrolmentFile = { batches(): AsyncGenerator<EnrolmentRow[]>; close(): Promise<void> };

const LOSSY_ID = "身份证号被保存成了数字，Excel 只保留15位有效数字，末尾几位已丢失。请把该列设为“文本”格式后重新录入";

/** Opens the file and reads up to the header, so file-level problems are thrown here as RosterFileError. */
export async function readEnrolmentFile(path: string): Promise<EnrolmentFile> {
  const source = await openSource({ path });
  const records = source.format === "csv" ? csvRecords(decodeChunks(source.chunks, new AutoDecoder())) : xlsxRecords(source.chunks);
  const strict = source.format === "csv";
  const close = async () => {
    await records.return(undefined);
    await source.close();
  };
  const next = async (): Promise<RawRecord[] | null> => {
    try {
      const r = await records.next();
      return r.done ? null : r.value;
    } catch (error) {
      await close();
      throw error instanceof RosterFileError ? error : new RosterFileError("unreadable", "读取文件时出错，请确认文件是按模板填写的 .xlsx 或 .csv", { cause: error });
    }
  };

  let batch: RawRecord[] = [];
  let at = 0;
  let header: RawRecord | undefined;
  while (!header) {
    if (at >= batch.length) {
      const more = await next();
      if (!more) throw new RosterFileError("empty", "文件没有内容，请按模板填写表头和参保数据后再上传");
      batch = more;
      at = 0;
      continue;
    }
    const record = batch[at++]!;
    if (!isBlank(record.cells)) header = record;
  }
  let layout: EnrolmentLayout;
  try {
    layout = resolveEnrolmentHeader(header.cells, header.row);
  } catch (error) {
    await close();
    throw error;
  }
  const first = batch.slice(at).filter((r) => !isBlank(r.cells)).map((r) => toRow(r, layout, strict));
  const headerRow = header.row;

  async function* batches(): AsyncGenerator<EnrolmentRow[]> {
    let seen = first.length;
    try {
      if (first.length > 0) yield first;
      for (let b = await next(); b; b = await next()) {
        const rows = b.filter((r) => !isBlank(r.cells)).map((r) => toRow(r, layout, strict));
        seen += rows.length;
        if (rows.length > 0) yield rows;
      }
      if (seen === 0) throw new RosterFileError("header_only", "文件只有表头，没有参保数据，请填写后再上传", { row: headerRow });
    } finally {
      await close();
    }
  }
  return { batches, close };
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === "");
}

function toRow(record: RawRecord, layout: EnrolmentLayout, strict: boolean): EnrolmentRow {
  const { cells, row } = record;
  const fields = Object.fromEntries(
    ENROLMENT_KEYS.map((k) => [k, layout.index[k] === undefined ? "" : (cells[layout.index[k]!] ?? "").trim()]),
  ) as Record<EnrolmentKey, string>;
  const problems: RosterRowError[] = [];
  if (record.problem) problems.push({ row, column: WHOLE_ROW, reason: record.problem });
  const extra = cells.slice(layout.width).some((c) => c.trim() !== "");
  if (extra) problems.push({ row, column: WHOLE_ROW, reason: `该行的列数比表头多（共 ${cells.length} 列，表头 ${layout.width} 列），值里可能有未加引号的英文逗号，请检查该行` });
  else if (strict && REQUIRED_KEYS.some((k) => layout.index[k]! >= cells.length)) {
    problems.push({ row, column: WHOLE_ROW, reason: `该行只有 ${cells.length} 列，表头有 ${layout.width} 列，请补齐缺少的列` });
  }
  for (const i of record.lossy ?? []) {
    const key = ENROLMENT_KEYS.find((k) => layout.index[k] === i);
    if (key === "id_number") problems.push({ row, column: ENROLMENT_HEADERS.id_number, reason: LOSSY_ID });
  }
  return problems.length > 0 ? { row, fields, problems } : { row, fields };
}
