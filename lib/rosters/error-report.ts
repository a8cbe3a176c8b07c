import { toCsv } from "@/lib/export/csv";
import { toXlsx } from "@/lib/export/xlsx";
import { COLUMN_HEADERS, COLUMN_KEYS } from "./columns";
import type { RosterRowError } from "./errors";

// The downloadable list of problems: 行号, 列, 问题, sorted by row and then by
// the order of the columns in the template, so it reads alongside the file.
// Values pass through the export helpers, so a reason that quotes a clerk's
// "=HYPERLINK(…)" cannot become a formula.

const COLUMN_ORDER = new Map<string, number>(COLUMN_KEYS.map((k, i) => [COLUMN_HEADERS[k], i]));

const COLUMNS = [
  { header: "行号", key: "row", width: 8 },
  { header: "列", key: "column", width: 12 },
  { header: "问题", key: "reason", width: 80 },
];

export async function writeErrorReport(errors: readonly RosterRowError[], format: "csv" | "xlsx"): Promise<Buffer> {
  const rows = [...errors]
    .sort((a, b) => a.row - b.row || (COLUMN_ORDER.get(a.column) ?? -1) - (COLUMN_ORDER.get(b.column) ?? -1))
    .map((e) => ({ row: e.row, column: e.column, reason: e.reason }));
  if (format === "csv") return toCsv({ columns: COLUMNS, rows });
  return toXlsx([{ name: "问题清单", columns: COLUMNS, rows }]);
}
