import { headerResolver, type HeaderLayout } from "@/lib/tabular-import/header-resolver";
import type { TableColumns } from "@/lib/tabular-import/read-table";

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

/** Where each column is in the file's cells (0-based). */
export type ColumnLayout = HeaderLayout<ColumnKey>;

/**
 * Maps header cells to columns; throws RosterFileError for an empty, unknown or
 * duplicate header cell and for a missing required column.
 */
export const resolveHeader = headerResolver<ColumnKey>({
  keys: COLUMN_KEYS,
  headers: COLUMN_HEADERS,
  aliases: EXTRA_ALIASES,
  required: REQUIRED_COLUMNS,
  expected: `表头应为：${COLUMN_KEYS.map((k) => COLUMN_HEADERS[k]).join("、")}（备注可省略）`,
});

/** The roster's columns for the shared import reader. */
export const ROSTER_COLUMNS: TableColumns<ColumnKey> = {
  keys: COLUMN_KEYS,
  headers: COLUMN_HEADERS,
  required: REQUIRED_COLUMNS,
  resolveHeader,
  noun: "名单",
};
