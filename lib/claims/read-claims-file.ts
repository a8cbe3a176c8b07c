import { readTableFile, type TableRow } from "@/lib/tabular-import/read-table";
import { CLAIM_COLUMNS, type ClaimColumnKey } from "./domain/claim-columns";

// A settlement-record file (.xlsx, or CSV in UTF-8 with or without BOM,
// GB18030 or UTF-16) read by the shared import reader (lib/tabular-import)
// with the claims columns; validate-claim-row.ts checks each row.

export type ClaimFileRow = TableRow<ClaimColumnKey>;

/** Every data row of the file, in batches; throws TableFileError for a file-level problem. */
export async function* readClaimsFile(path: string): AsyncGenerator<ClaimFileRow[]> {
  const file = await readTableFile({ path }, CLAIM_COLUMNS);
  try {
    yield* file.batches();
  } finally {
    await file.close();
  }
}
