// Problems found in an import file (a roster, an enrolment file, a claims
// file: every tabular import). A file-level problem (not a spreadsheet at all,
// bad header, empty, too large once unpacked) stops reading and is thrown as
// TableFileError; a row-level problem is collected as TableRowError so the
// clerk gets all of them at once. Messages are Chinese and say what to do;
// they never carry a stack trace.

/** One rejected cell or row, the shape of `rejected[]` in the CLI contract. */
export type TableRowError = {
  /** Row number as Excel shows it: the header is row 1. */
  row: number;
  /** The Chinese header of the column (身份证号, 姓名, …), or WHOLE_ROW. */
  column: string;
  reason: string;
};

/** `column` of a problem that concerns the whole row (wrong number of fields). */
export const WHOLE_ROW = "整行";

export type TableFileProblem =
  | "unreadable" // the path cannot be opened
  | "empty" // 0 bytes, or nothing but blank lines
  | "not_roster" // binary garbage, PDF, Word, …: neither CSV nor xlsx
  | "xls" // the old binary Excel format
  | "corrupt_xlsx" // a zip that exceljs cannot read
  | "xlsx_too_large" // an .xlsx that unpacks past the limits (xlsx-limits.ts)
  | "no_worksheet"
  | "encoding" // undecodable text, or UTF-8 that turns into something else half-way
  | "record_too_long" // a single row over the size limit (unclosed quote, no line breaks)
  | "missing_column"
  | "unknown_column"
  | "duplicate_column"
  | "empty_header"
  | "header_only";

export class TableFileError extends Error {
  readonly problem: TableFileProblem;
  readonly column?: string;
  /** Row of the problem when there is one (header problems: the header row). */
  readonly row?: number;
  readonly reason: string;

  constructor(problem: TableFileProblem, reason: string, options: { column?: string; row?: number; cause?: unknown } = {}) {
    super(reason, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "TableFileError";
    this.problem = problem;
    this.reason = reason;
    if (options.column !== undefined) this.column = options.column;
    if (options.row !== undefined) this.row = options.row;
  }

  /** As a rejected-row entry (row 1 = the header when the file has no row of its own). */
  toRowError(): TableRowError {
    return { row: this.row ?? 1, column: this.column ?? WHOLE_ROW, reason: this.reason };
  }
}

export function isTableFileError(error: unknown): error is TableFileError {
  return error instanceof TableFileError;
}
