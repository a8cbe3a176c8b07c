import type { RosterRowError } from "@/lib/rosters/domain/errors";
import { CLAIM_HEADERS } from "./domain/claim-columns";
import { readClaimsFile } from "./read-claims-file";
import { validateClaimRow, type ClaimEntry } from "./domain/validate-claim-row";

// A whole file read and checked row by row, plus the one check that needs the
// whole file: a 结算流水号 must not repeat. File-level problems are thrown
// (RosterFileError) by the reader.

export const MAX_ERRORS = 10_000;

export type ClaimEntries = {
  rows: number;
  /** The rows that passed the row checks. */
  entries: ClaimEntry[];
  list: ErrorList;
};

export class ErrorList {
  readonly errors: RosterRowError[] = [];
  truncated = false;
  add(e: RosterRowError): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push(e);
    else this.truncated = true;
  }
}

export async function readClaimEntries(path: string, now: Date): Promise<ClaimEntries> {
  const list = new ErrorList();
  const entries: ClaimEntry[] = [];
  const firstRow = new Map<string, number>();
  let rows = 0;
  for await (const batch of readClaimsFile(path)) {
    for (const raw of batch) {
      rows++;
      const v = validateClaimRow(raw, now);
      if (!v.ok) {
        v.errors.forEach((e) => list.add(e));
        continue;
      }
      const first = firstRow.get(v.entry.externalId);
      if (first !== undefined) {
        list.add({ row: v.entry.row, column: CLAIM_HEADERS.external_id, reason: `与第 ${first} 行结算流水号重复` });
        continue;
      }
      firstRow.set(v.entry.externalId, v.entry.row);
      // Kept even when the file is already rejected, so the checks against the
      // database (unknown person, no policy) report on every row at once too.
      entries.push(v.entry);
    }
  }
  return { rows, entries, list };
}
