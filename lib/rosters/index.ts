// The file layer of the monthly rosters: read, validate, report, template.
export { COLUMN_HEADERS, COLUMN_KEYS, REQUIRED_COLUMNS, resolveHeader } from "./columns";
export type { ColumnHeader, ColumnKey, ColumnLayout } from "./columns";
export type { RosterEncoding } from "./decode";
export { monthEnd, parseRosterDate } from "./dates";
export {
  NOT_ON_ROLL_REASON,
  RosterFileError,
  WHOLE_ROW,
  duplicateIdError,
  duplicateIdReason,
  isRosterFileError,
  notOnRollError,
} from "./errors";
export type { RosterFileProblem, RosterRowError } from "./errors";
export { TEMPLATE_EXAMPLE } from "./example";
export { writeErrorReport } from "./error-report";
export { readRosterFile } from "./read-roster";
export type { RosterFile, RosterFormat, RosterInput, RosterRow } from "./read-roster";
export { rosterTemplate } from "./template";
export { validateRosterRow } from "./validate-row";
export type { RosterChange, RosterEntry, RosterValidationContext, RowValidation } from "./validate-row";
