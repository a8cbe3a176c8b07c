import type { TableRowError } from "@/lib/tabular-import/errors";

// The roster's names for the shared import-file errors (lib/tabular-import),
// and the texts of the checks the roster import makes against the database.

export { TableFileError as RosterFileError, isTableFileError as isRosterFileError, WHOLE_ROW } from "@/lib/tabular-import/errors";
export type { TableRowError as RosterRowError, TableFileProblem as RosterFileProblem } from "@/lib/tabular-import/errors";
type RosterRowError = TableRowError;

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
