import { RosterFileError } from "./errors";

// The roster columns (issue 4): Chinese headers, English aliases, any order.

export const COLUMN_KEYS = ["id_number", "name", "category", "change", "division_code", "certified_on", "note"] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export type ColumnHeader = "身份证号" | "姓名" | "类别" | "变动" | "区划代码" | "认定日期" | "备注";

export const COLUMN_HEADERS: Record<ColumnKey, ColumnHeader> = {
  id_number: "身份证号",
  name: "姓名",
  category: "类别",
  change: "变动",
  division_code: "区划代码",
  certified_on: "认定日期",
  note: "备注",
};

export const REQUIRED_COLUMNS: readonly ColumnKey[] = COLUMN_KEYS.filter((k) => k !== "note");

// Other names the departments' own spreadsheets use for the same column.
const EXTRA_ALIASES: Record<ColumnKey, string[]> = {
  id_number: ["身份证号码", "公民身份号码", "证件号码", "身份证", "idnumber", "idno"],
  name: ["姓名", "name"],
  category: ["人员类别", "救助类别", "对象类别", "category"],
  change: ["变动类型", "变动情况", "变更类型", "change"],
  division_code: ["行政区划代码", "区划编码", "divisioncode", "division"],
  certified_on: ["认定时间", "certifiedon", "certifieddate"],
  note: ["说明", "note", "notes", "remark", "remarks"],
};

/** Header cells as people type them: "*身份证号", "身份证号 ", "ID Number", "division-code". */
function normalizeHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, "")
    .trim()
    .replace(/^[*＊]+|[*＊]+$/g, "")
    .toLowerCase()
    .replace(/[\s_\-.]/g, "");
}

const LOOKUP = new Map<string, ColumnKey>();
for (const key of COLUMN_KEYS) {
  for (const alias of [COLUMN_HEADERS[key], key, ...EXTRA_ALIASES[key]]) LOOKUP.set(normalizeHeader(alias), key);
}

/** Where each column is in the file's cells (0-based). */
export type ColumnLayout = {
  index: Partial<Record<ColumnKey, number>>;
  /** Number of header cells (trailing empty header cells are not counted). */
  width: number;
  /** Present columns in file order. */
  columns: ColumnKey[];
};

const ALL_HEADERS = COLUMN_KEYS.map((k) => COLUMN_HEADERS[k]).join("、");

/**
 * Maps header cells to columns; throws RosterFileError for an empty, unknown or
 * duplicate header cell and for a missing required column. Trailing empty header
 * cells are ignored (Excel writes them for formatted but empty columns).
 */
export function resolveHeader(cells: readonly string[], headerRow = 1): ColumnLayout {
  let width = cells.length;
  while (width > 0 && cells[width - 1]!.trim() === "") width--;
  const index: Partial<Record<ColumnKey, number>> = {};
  const columns: ColumnKey[] = [];
  for (let i = 0; i < width; i++) {
    const raw = cells[i]!.replace(/^\uFEFF/, "").trim();
    if (raw === "") {
      throw new RosterFileError("empty_header", `第 ${i + 1} 列没有表头，请填写表头或删除该列`, { row: headerRow });
    }
    const key = LOOKUP.get(normalizeHeader(raw));
    if (!key) {
      throw new RosterFileError("unknown_column", `无法识别的列“${clip(raw)}”，表头应为：${ALL_HEADERS}（备注可省略）`, {
        column: clip(raw),
        row: headerRow,
      });
    }
    if (index[key] !== undefined) {
      throw new RosterFileError("duplicate_column", `“${COLUMN_HEADERS[key]}”列出现了两次（第 ${index[key]! + 1} 列和第 ${i + 1} 列），请只保留一列`, {
        column: COLUMN_HEADERS[key],
        row: headerRow,
      });
    }
    index[key] = i;
    columns.push(key);
  }
  const missing = REQUIRED_COLUMNS.filter((k) => index[k] === undefined);
  if (missing.length > 0) {
    const names = missing.map((k) => COLUMN_HEADERS[k]).join("、");
    throw new RosterFileError("missing_column", `缺少必填列：${names}，请按模板补齐表头`, {
      column: COLUMN_HEADERS[missing[0]!],
      row: headerRow,
    });
  }
  return { index, width, columns };
}

/** Keeps garbage headers (random bytes decoded as text) short in a message. */
function clip(text: string): string {
  let printable = "";
  for (const ch of text) printable += ch < " " || ch === "\u007f" || ch === "\ufffd" ? "?" : ch;
  return printable.length > 20 ? `${printable.slice(0, 20)}…` : printable;
}
