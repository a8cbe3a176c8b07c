import { toCsv } from "@/lib/export/domain/csv";
import { toXlsx } from "@/lib/export/domain/xlsx";
import type { TableRowError } from "./errors";
import type { TableColumns } from "./read-table";

// The downloadable list of an import's problems (rosters, enrolment, claims):
// 行号, 列, 问题, sorted by row and then by the order of the columns in the
// domain's template, so it reads alongside the file. Values pass through the
// export helpers, so a reason that quotes a clerk's "=HYPERLINK(…)" cannot
// become a formula.

const COLUMNS = [
  { header: "行号", key: "row", width: 8 },
  { header: "列", key: "column", width: 14 },
  { header: "问题", key: "reason", width: 80 },
];

/** `columns`: the domain's columns, in template order (a problem of the whole row, 整行, comes first in its row). */
export async function writeErrorReport<K extends string>(
  errors: readonly TableRowError[],
  format: "csv" | "xlsx",
  columns: Pick<TableColumns<K>, "keys" | "headers">,
): Promise<Buffer> {
  const order = new Map<string, number>(columns.keys.map((k, i) => [columns.headers[k], i]));
  const rows = [...errors]
    .sort((a, b) => a.row - b.row || (order.get(a.column) ?? -1) - (order.get(b.column) ?? -1))
    .map((e) => ({ row: e.row, column: e.column, reason: e.reason }));
  if (format === "csv") return toCsv({ columns: COLUMNS, rows });
  return toXlsx([{ name: "问题清单", columns: COLUMNS, rows }]);
}
