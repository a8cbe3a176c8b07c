// Problems found in a roster file. A file-level problem (not a roster at all,
// bad header, empty) stops reading and is thrown as RosterFileError; a row-level
// problem is collected as RosterRowError so the clerk gets all of them at once.
// Messages are Chinese and say what to do; they never carry a stack trace.

/** One rejected cell or row, the shape of `rejected[]` in the CLI contract. */
export type RosterRowError = {
  /** Row number as Excel shows it: the header is row 1. */
  row: number;
  /** The Chinese header of the column (身份证号, 姓名, …), or WHOLE_ROW. */
  column: string;
  reason: string;
};

/** `column` of a problem that concerns the whole row (wrong number of fields). */
export const WHOLE_ROW = "整行";

export type RosterFileProblem =
  | "unreadable" // the path cannot be opened
  | "empty" // 0 bytes, or nothing but blank lines
  | "not_roster" // binary garbage, PDF, Word, …: neither CSV nor xlsx
  | "xls" // the old binary Excel format
  | "corrupt_xlsx" // a zip that exceljs cannot read
  | "no_worksheet"
  | "encoding" // undecodable text, or UTF-8 that turns into something else half-way
  | "record_too_long" // a single row over the size limit (unclosed quote, no line breaks)
  | "missing_column"
  | "unknown_column"
  | "duplicate_column"
  | "empty_header"
  | "header_only";

export class RosterFileError extends Error {
  readonly problem: RosterFileProblem;
  readonly column?: string;
  /** Row of the problem when there is one (header problems: the header row). */
  readonly row?: number;
  readonly reason: string;

  constructor(problem: RosterFileProblem, reason: string, options: { column?: string; row?: number; cause?: unknown } = {}) {
    super(reason, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "RosterFileError";
    this.problem = problem;
    this.reason = reason;
    if (options.column !== undefined) this.column = options.column;
    if (options.row !== undefined) this.row = options.row;
  }

  /** As a rejected-row entry (row 1 = the header when the file has no row of its own). */
  toRowError(): RosterRowError {
    return { row: this.row ?? 1, column: this.column ?? WHOLE_ROW, reason: this.reason };
  }
}

export function isRosterFileError(error: unknown): error is RosterFileError {
  return error instanceof RosterFileError;
}

// Texts for the checks made against the database by the import service (not
// here: they need the whole file and the previous roll).

/** Reason for the second and later occurrences of an ID inside one file. */
export function duplicateIdReason(firstRow: number): string {
  return `与第 ${firstRow} 行身份证号重复`;
}

export const NOT_ON_ROLL_REASON = "该人员不在本部门名单中，不能减少";

export function duplicateIdError(row: number, firstRow: number): RosterRowError {
  return { row, column: "身份证号", reason: duplicateIdReason(firstRow) };
}

export function notOnRollError(row: number): RosterRowError {
  // Reported on the ID: the usual cause is a mistyped number, not a wrong 变动.
  return { row, column: "身份证号", reason: NOT_ON_ROLL_REASON };
}

/**
 * A row that names a registered person with another name or village. The
 * register's name is shown masked (enough to spot a typo or a wrong ID), the
 * register's village not at all; the clerk corrects the row, or asks 医保 to
 * correct the register if the row is right.
 */
export function registerNameConflict(row: number, maskedRegisterName: string): RosterRowError {
  return { row, column: "姓名", reason: `与人员登记的姓名（${maskedRegisterName}）不一致：请核对身份证号和姓名；如登记有误，请联系医保局更正后再报送` };
}

export function registerVillageConflict(row: number): RosterRowError {
  return { row, column: "区划代码", reason: "与人员登记的村（社区）不一致：名单不能迁移人员；如确已迁移，请联系医保局更正登记信息后再报送" };
}
