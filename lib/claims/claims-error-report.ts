import { toCsv } from "@/lib/export/csv";
import { toXlsx } from "@/lib/export/xlsx";
import type { RosterRowError } from "@/lib/rosters/errors";
import { CLAIM_COLUMN_KEYS, CLAIM_HEADERS } from "./claim-columns";

// The downloadable list of an import's problems (行号, 列, 问题), in the order
// of the file: by row, then by the template's column order. Written through
// the export helpers, so a reason quoting a clerk's "=HYPERLINK(…)" cannot
// become a formula. (The roster report orders columns by the roster template.)

const ORDER = new Map<string, number>(CLAIM_COLUMN_KEYS.map((k, i) => [CLAIM_HEADERS[k], i]));

const COLUMNS = [
  { header: "行号", key: "row", width: 8 },
  { header: "列", key: "column", width: 14 },
  { header: "问题", key: "reason", width: 90 },
];

export async function claimsErrorReport(errors: readonly RosterRowError[], format: "csv" | "xlsx"): Promise<Buffer> {
  const rows = [...errors]
    .sort((a, b) => a.row - b.row || (ORDER.get(a.column) ?? -1) - (ORDER.get(b.column) ?? -1))
    .map((e) => ({ row: e.row, column: e.column, reason: e.reason }));
  if (format === "csv") return toCsv({ columns: COLUMNS, rows });
  return toXlsx([{ name: "问题清单", columns: COLUMNS, rows }]);
}
