import { readTableFile, type TableFile, type TableRow } from "@/lib/tabular-import/read-table";
import { ENROLMENT_COLUMNS, type EnrolmentKey } from "./domain/columns";

// An enrolment file (.xlsx, or CSV in UTF-8 with or without BOM, GB18030 or
// UTF-16) read by the shared import reader (lib/tabular-import) with the
// enrolment columns; validate-row.ts checks each row.

export type EnrolmentRow = TableRow<EnrolmentKey>;
export type EnrolmentFile = TableFile<EnrolmentKey>;

/** Opens the file and reads up to the first data row, so file-level problems are thrown here as TableFileError. */
export function readEnrolmentFile(path: string): Promise<EnrolmentFile> {
  return readTableFile({ path }, ENROLMENT_COLUMNS);
}
