import type { Category } from "@/lib/categories/categories";
import type { RosterDepartment } from "@/lib/departments/departments";
import { scopePrefix } from "@/lib/divisions/domain/division-code";
import { COLUMN_HEADERS, COLUMN_KEYS, type ColumnKey } from "./columns";
import { monthEnd } from "./dates";
import { WHOLE_ROW, type RosterRowError } from "./errors";
import { BoundedCache, type Check } from "./check";
import {
  checkCategory,
  checkCertifiedOn,
  checkChange,
  checkDivisionCode,
  checkName,
  checkNote,
  type DivisionScope,
  type RosterChange,
} from "./field-checks";
import { birthDateOfValid, checkIdNumber, ymdNumber } from "./id-check";
import type { RosterRow } from "../read-roster";

export type { RosterChange } from "./field-checks";

export type RosterEntry = {
  /** 18 characters, trailing X upper-case. */
  idNumber: string;
  name: string;
  category: Category;
  change: RosterChange;
  divisionCode: string;
  /** YYYY-MM-DD */
  certifiedOn: string;
  /** "" when absent. */
  note: string;
};

export type RosterValidationContext = {
  department: RosterDepartment;
  /** Division code of the uploader; rows must lie in it or below. */
  jurisdiction: string;
  isKnownDivision: (code: string) => boolean;
  /** The month being imported, YYYY-MM. */
  month: string;
  /** Bounds birth dates in IDs; defaults to now. */
  today?: Date;
};

export type RowValidation = { ok: true; entry: RosterEntry } | { ok: false; errors: RosterRowError[] };

type Prepared = {
  lastDay: string;
  today: Date;
  todayYmd: number;
  scope: DivisionScope;
  /** Division verdicts by cell text: a county has a few hundred villages, a file a million rows. */
  divisions: BoundedCache<Check<string>>;
  checkDivision: (text: string) => Check<string>;
};

// The per-file parts of the context, computed once per context object rather
// than once per row. Pass the same context object for every row of a file.
const prepared = new WeakMap<RosterValidationContext, Prepared>();

function prepare(ctx: RosterValidationContext): Prepared {
  let p = prepared.get(ctx);
  if (!p) {
    const today = ctx.today ?? new Date();
    const scope = { jurisdiction: ctx.jurisdiction, prefix: scopePrefix(ctx.jurisdiction), isKnownDivision: ctx.isKnownDivision };
    p = {
      lastDay: monthEnd(ctx.month),
      today,
      todayYmd: ymdNumber(today),
      scope,
      divisions: new BoundedCache(100_000),
      checkDivision: (text) => checkDivisionCode(text, scope),
    };
    prepared.set(ctx, p);
  }
  return p;
}

function isWholeRow(problem: RosterRowError): boolean {
  return problem.column === WHOLE_ROW;
}

/**
 * Checks one row and reports every problem of it (one per column), by the
 * Chinese column header. Duplicate IDs in the file and removals of people not
 * on the roll need the whole file and the database: see duplicateIdError and
 * notOnRollError in errors.ts.
 */
export function validateRosterRow(raw: RosterRow, ctx: RosterValidationContext): RowValidation {
  const p = prepare(ctx);
  const { row, fields } = raw;
  const readerProblems = raw.problems;
  // A row with the wrong number of fields has its values shifted: checking them
  // would only produce misleading messages.
  if (readerProblems?.some(isWholeRow)) return { ok: false, errors: readerProblems };

  const id = checkIdNumber(fields.id_number, p.today, p.todayYmd);
  const name = checkName(fields.name);
  const category = checkCategory(fields.category, ctx.department);
  const change = checkChange(fields.change);
  const division = p.divisions.get(fields.division_code, p.checkDivision);
  const birthDate = id.value === undefined ? null : birthDateOfValid(id.value);
  const certifiedOn = checkCertifiedOn(fields.certified_on, p.lastDay, ctx.month, birthDate);
  const note = checkNote(fields.note);
  if (
    !readerProblems &&
    id.value !== undefined &&
    name.value !== undefined &&
    category.value !== undefined &&
    change.value !== undefined &&
    division.value !== undefined &&
    certifiedOn.value !== undefined &&
    note.value !== undefined
  ) {
    const entry: RosterEntry = {
      idNumber: id.value,
      name: name.value,
      category: category.value,
      change: change.value,
      divisionCode: division.value,
      certifiedOn: certifiedOn.value,
      note: note.value,
    };
    return { ok: true, entry };
  }

  const checks: Record<ColumnKey, Check<unknown>> = {
    id_number: id,
    name,
    category,
    change,
    division_code: division,
    certified_on: certifiedOn,
    note,
  };
  const errors: RosterRowError[] = [];
  for (const key of COLUMN_KEYS) {
    const column = COLUMN_HEADERS[key];
    // A problem the reader found (an ID stored as a number) replaces the check of that column.
    const fromReader = readerProblems?.filter((problem) => problem.column === column) ?? [];
    if (fromReader.length > 0) errors.push(...fromReader);
    else if (checks[key].reason !== undefined) errors.push({ row, column, reason: checks[key].reason });
  }
  return { ok: false, errors };
}
