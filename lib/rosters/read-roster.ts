import { readTableFile, type TableFile, type TableRow } from "@/lib/tabular-import/read-table";
import type { TableInput } from "@/lib/tabular-import/source";
import { ROSTER_COLUMNS, type ColumnKey } from "./domain/columns";

// A roster file read by the shared import reader (lib/tabular-import) with the
// roster's columns; validate-row.ts checks each row.

export type { TableFormat as RosterFormat, TableInput as RosterInput } from "@/lib/tabular-import/source";
export type { TableEncoding as RosterEncoding } from "@/lib/tabular-import/decode";

export type RosterRow = TableRow<ColumnKey>;
export type RosterFile = TableFile<ColumnKey>;

/** Opens a roster (.csv or .xlsx); file-level problems are thrown here as RosterFileError, the rows then streamed. */
export function readRosterFile(input: TableInput): Promise<RosterFile> {
  return readTableFile(input, ROSTER_COLUMNS);
}
