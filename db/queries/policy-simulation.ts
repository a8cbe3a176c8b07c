import { sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../client";
import type { StoredClaimFen } from "@/lib/claims/domain/settle-year";
import { yuanToCents } from "@/lib/settlement/cents";
import { canCopyOut, copyOut } from "../bulk";
import { openIdNumber } from "./people-ids";
import { rowsOf, underPrefix } from "./stats-rows";
import { CATEGORY_ON_PAID_DAY, TIER1_CONTRIBUTION } from "./enrolment-subsidies";

// 政策测算's reads (lib/policies/simulate-policy-draft.ts): the claims ledger
// and the enrolments of a period, page by page in person (or enrolment) order,
// so a county's millions of rows are never held at once. Read-only; every
// query carries the jurisdiction prefix.

/** A claim of the ledger with its person's village; the claim columns named as the ledger's drizzle rows name them (one mapper: ledgerClaimOf). */
export type SimulationClaimRow = {
  id: string;
  personId: string;
  divisionCode: string;
  externalId: string;
  claimDate: string;
  setting: "inpatient" | "outpatient";
  hospitalLevel: number;
  specialDisease: boolean;
  referred: boolean;
  inCity: boolean;
  onApplication: boolean;
  policyScopeCost: string;
  outOfScopeCost: string;
  basicPaid: string | null;
  criticalPaid: string | null;
  hospitalWaived: string;
  commercialPaid: string;
};

/**
 * Up to `limit` claims dated within [from, to] of people after `afterPersonId`
 * (keyset), current rows only (a corrected claim's old row is history), in ledger order per person (date, then 结算流水号). The last
 * person of a full page may be cut off: the caller keeps only whole people.
 */
export async function simulationClaimsPage(
  db: Db | Tx,
  f: { scopePrefix: string; from: string; to: string; afterPersonId: string | null; limit: number; personId?: string },
): Promise<SimulationClaimRow[]> {
  // Literals, not parameters: with parameters PostgreSQL may keep a generic plan that reads and sorts
  // every claim of the jurisdiction for each page (it cannot see that the keyset leaves one page); with
  // the values in the text each page is planned as what it is, an index range in person order. Every
  // value is checked first (dates, uuid, prefix, limit), so nothing reaches the text unvalidated.
  const from = sql.raw(`'${isoDate(f.from)}'`);
  const to = sql.raw(`'${isoDate(f.to)}'`);
  const after = f.afterPersonId === null ? sql`` : sql.raw(`AND c.person_id > '${uuidLiteral(f.afterPersonId)}'::uuid`);
  const one = f.personId ? sql.raw(`AND c.person_id = '${uuidLiteral(f.personId)}'::uuid`) : sql``;
  if (!Number.isInteger(f.limit) || f.limit <= 0) throw new Error(`not a page size: ${f.limit}`);
  const result = await db.execute(sql`
    SELECT c.id, c.person_id AS "personId", p.division_code AS "divisionCode", c.external_id AS "externalId", c.claim_date::text AS "claimDate",
           c.setting, c.hospital_level AS "hospitalLevel", c.special_disease AS "specialDisease", c.referred, c.in_city AS "inCity",
           c.on_application AS "onApplication", c.policy_scope_cost::text AS "policyScopeCost", c.out_of_scope_cost::text AS "outOfScopeCost",
           c.basic_paid::text AS "basicPaid", c.critical_paid::text AS "criticalPaid", c.hospital_waived::text AS "hospitalWaived",
           c.commercial_paid::text AS "commercialPaid"
    FROM claims c JOIN people p ON p.id = c.person_id
    WHERE c.superseded_at IS NULL AND c.claim_date >= ${from}::date AND c.claim_date <= ${to}::date AND ${prefixLiteral("p.division_code", f.scopePrefix)} ${after} ${one}
    ORDER BY c.person_id, c.claim_date, c.external_id
    LIMIT ${sql.raw(String(f.limit))}`);
  return rowsOf<SimulationClaimRow>(result);
}

export type SimulationSpan = { person_id: string; category: string; from_date: string; to_date: string | null };

/**
 * Consolidated category rows overlapping [from, to] of the people with ids in
 * [firstId, lastId], in the order categoryOn reads them. Literals, as in
 * simulationClaimsPage: the generic plan PostgreSQL settles on after a few
 * executions scans the index ten times slower (12 ms against 1 ms a batch).
 */
export async function categorySpansBetween(db: Db | Tx, f: { firstId: string; lastId: string; from: string; to: string }): Promise<SimulationSpan[]> {
  const result = await db.execute(sql`
    SELECT person_id, category, from_date::text AS from_date, to_date::text AS to_date
    FROM person_categories
    WHERE person_id >= ${sql.raw(`'${uuidLiteral(f.firstId)}'`)}::uuid AND person_id <= ${sql.raw(`'${uuidLiteral(f.lastId)}'`)}::uuid
      AND from_date <= ${sql.raw(`'${isoDate(f.to)}'`)}::date AND (to_date IS NULL OR to_date >= ${sql.raw(`'${isoDate(f.from)}'`)}::date)
    ORDER BY person_id, from_date, id`);
  return rowsOf<SimulationSpan>(result);
}

export type SimulationEnrolmentRow = {
  id: number;
  division_code: string;
  year: number;
  tier: number;
  contribution: string;
  tier1: string | null;
  paid_on: string;
  fee_exempt: "yes" | "no";
  category: string | null;
};

/** Enrolments of the years within the jurisdiction, after enrolment `afterId`, with the category held on the payment day (as the subsidy run reads it). */
export async function simulationEnrolmentsPage(
  db: Db | Tx,
  f: { scopePrefix: string; fromYear: number; toYear: number; afterId: number; limit: number },
): Promise<SimulationEnrolmentRow[]> {
  const result = await db.execute(sql`
    SELECT e.id, p.division_code, e.year, e.tier, e.contribution::text AS contribution, e.paid_on::text AS paid_on, e.fee_exempt,
           (${sql.raw(TIER1_CONTRIBUTION)})::text AS tier1,
           c.category
    FROM enrolments e
    JOIN people p ON p.id = e.person_id
    ${sql.raw(CATEGORY_ON_PAID_DAY)}
    WHERE e.year >= ${f.fromYear} AND e.year <= ${f.toYear} AND e.id > ${f.afterId} AND ${underPrefix("p.division_code", f.scopePrefix)}
    ORDER BY e.id
    LIMIT ${f.limit}`);
  return rowsOf<SimulationEnrolmentRow>(result);
}

/**
 * Every enrolment simulationEnrolmentsPage would return page after page, in
 * one `COPY (SELECT …) TO STDOUT` on a connection of its own (as
 * simulationClaimsBulk; PostgreSQL only, canReadClaimsInBulk), parsed from
 * the bytes. Yields batches of about `batch` rows in enrolment order.
 */
export async function* simulationEnrolmentsBulk(
  db: Db,
  f: { scopePrefix: string; fromYear: number; toYear: number; batch?: number },
): AsyncGenerator<SimulationEnrolmentRow[]> {
  if (!Number.isInteger(f.fromYear) || !Number.isInteger(f.toYear)) throw new Error(`not a year range: ${f.fromYear}–${f.toYear}`);
  const query = `SELECT e.id, p.division_code, e.year, e.tier, e.contribution, (${TIER1_CONTRIBUTION})::text AS tier1, e.paid_on, e.fee_exempt, c.category
    FROM enrolments e
    JOIN people p ON p.id = e.person_id
    ${CATEGORY_ON_PAID_DAY}
    WHERE e.year >= ${f.fromYear} AND e.year <= ${f.toYear} AND ${prefixText("p.division_code", f.scopePrefix)}
    ORDER BY e.id`;
  const batch = f.batch ?? 5_000;
  const parser = new EnrolmentCopyParser();
  let rows: SimulationEnrolmentRow[] = [];
  for await (const chunk of copyOut(db, query)) {
    parser.push(chunk, rows);
    if (rows.length >= batch) {
      yield rows;
      rows = [];
    }
  }
  parser.end(rows);
  if (rows.length > 0) yield rows;
}

const ENROLMENT_COLUMNS = 9;

/** COPY's text format read into SimulationEnrolmentRow rows (as ClaimCopyParser reads claims). */
export class EnrolmentCopyParser {
  private rest: Buffer | null = null;
  private readonly at = new Int32Array(ENROLMENT_COLUMNS + 1);

  push(chunk: Buffer, into: SimulationEnrolmentRow[]): void {
    const buf = this.rest === null ? chunk : Buffer.concat([this.rest, chunk]);
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(NEWLINE, start);
      if (nl < 0) break;
      into.push(this.line(buf, start, nl));
      start = nl + 1;
    }
    this.rest = start < buf.length ? buf.subarray(start) : null;
  }

  end(into: SimulationEnrolmentRow[]): void {
    if (this.rest !== null && this.rest.length > 0) into.push(this.line(this.rest, 0, this.rest.length));
    this.rest = null;
  }

  private line(buf: Buffer, start: number, end: number): SimulationEnrolmentRow {
    const at = this.at;
    at[0] = start;
    let k = 1;
    for (let i = start; i < end && k < ENROLMENT_COLUMNS; i++) if (buf[i] === TAB) at[k++] = i + 1;
    if (k !== ENROLMENT_COLUMNS) throw new Error(`COPY row with ${k} fields, expected ${ENROLMENT_COLUMNS}`);
    at[ENROLMENT_COLUMNS] = end + 1;
    return {
      id: Number(buf.toString("latin1", at[0]!, at[1]! - 1)),
      division_code: this.field(buf, at[1]!, at[2]! - 1)!,
      year: Number(buf.toString("latin1", at[2]!, at[3]! - 1)),
      tier: Number(buf.toString("latin1", at[3]!, at[4]! - 1)),
      contribution: this.field(buf, at[4]!, at[5]! - 1)!,
      tier1: this.field(buf, at[5]!, at[6]! - 1),
      paid_on: this.field(buf, at[6]!, at[7]! - 1)!,
      fee_exempt: this.field(buf, at[7]!, at[8]! - 1) as SimulationEnrolmentRow["fee_exempt"],
      category: this.field(buf, at[8]!, at[9]! - 1),
    };
  }

  /** A text field; `\N` is null. */
  private field(buf: Buffer, s: number, e: number): string | null {
    return e - s === 2 && buf[s] === BACKSLASH && buf[s + 1] === NULL_N ? null : text(buf, s, e);
  }
}

export type SimulationPerson = { id: string; name: string; idNumber: string; divisionCode: string };

/** The few people a result lists (the largest changes), within the jurisdiction; ID numbers opened for masking. */
export async function simulationPeople(db: Db | Tx, ids: readonly string[], scopePrefix: string): Promise<SimulationPerson[]> {
  if (ids.length === 0) return [];
  const result = await db.execute(sql`
    SELECT id, name, id_sealed, id_number, division_code FROM people
    WHERE id = ANY(${sql.raw(`ARRAY[${ids.map((id) => `'${uuidLiteral(id)}'`).join(",")}]`)}::uuid[]) AND ${underPrefix("division_code", scopePrefix)}`);
  return rowsOf<{ id: string; name: string; id_sealed: string | null; id_number: string | null; division_code: string }>(result).map((r) => ({
    id: r.id,
    name: r.name,
    idNumber: openIdNumber({ idSealed: r.id_sealed, idNumber: r.id_number }),
    divisionCode: r.division_code,
  }));
}

/** Current names of these division codes. */
export async function divisionNamesOf(db: Db | Tx, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const list = codes.map((c) => {
    if (!/^\d{12}$/.test(c)) throw new Error(`not a division code: ${c}`);
    return `'${c}'`;
  });
  const result = await db.execute(sql`SELECT code, name FROM divisions WHERE valid_to IS NULL AND code IN (${sql.raw(list.join(","))})`);
  return new Map(rowsOf<{ code: string; name: string }>(result).map((r) => [r.code, r.name]));
}

function isoDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`not a date: ${date}`);
  return date;
}

/** underPrefix with the bounds as literals (see simulationClaimsPage). */
function prefixLiteral(column: string, prefix: string): SQL {
  return sql.raw(prefixText(column, prefix));
}

function uuidLiteral(id: string): string {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new Error(`not a uuid: ${id}`);
  return id;
}

/** Whether the jurisdiction's current ledger holds any claim dated within [from, to]. */
export async function hasClaimsBetween(db: Db | Tx, f: { scopePrefix: string; from: string; to: string }): Promise<boolean> {
  const result = await db.execute(sql`
    SELECT EXISTS (SELECT 1 FROM claims c JOIN people p ON p.id = c.person_id
      WHERE c.superseded_at IS NULL AND c.claim_date >= ${f.from}::date AND c.claim_date <= ${f.to}::date AND ${underPrefix("p.division_code", f.scopePrefix)}) AS found`);
  return rowsOf<{ found: boolean }>(result)[0]?.found === true;
}

/** SimulationClaimRow with its amounts already in fen (the bulk read's rows; ledgerClaimOfFen maps them). */
export type SimulationClaimFen = StoredClaimFen & { personId: string; divisionCode: string };

/** Whether simulationClaimsBulk can read through `db` (PostgreSQL; elsewhere read simulationClaimsPage). */
export const canReadClaimsInBulk = canCopyOut;

/**
 * Every claim simulationClaimsPage would return page after page, in one
 * statement: `COPY (SELECT …) TO STDOUT`, the read the 政策测算 benchmark
 * measures against, parsed here straight from the bytes (amounts to fen
 * without a string). Yields batches of about `batch` rows in ledger order; a
 * person's claims may straddle two batches.
 */
export async function* simulationClaimsBulk(
  db: Db,
  f: { scopePrefix: string; from: string; to: string; personId?: string; batch?: number },
): AsyncGenerator<SimulationClaimFen[]> {
  const one = f.personId ? `AND c.person_id = '${uuidLiteral(f.personId)}'::uuid` : "";
  const query = `SELECT c.id, c.person_id, p.division_code, c.external_id, c.claim_date, c.setting, c.hospital_level, c.special_disease, c.referred, c.in_city,
      c.on_application, c.policy_scope_cost, c.out_of_scope_cost, c.basic_paid, c.critical_paid, c.hospital_waived, c.commercial_paid
    FROM claims c JOIN people p ON p.id = c.person_id
    WHERE c.superseded_at IS NULL AND c.claim_date >= '${isoDate(f.from)}'::date AND c.claim_date <= '${isoDate(f.to)}'::date
      AND ${prefixText("p.division_code", f.scopePrefix)} ${one}
    ORDER BY c.person_id, c.claim_date, c.external_id`;
  const batch = f.batch ?? 20_000;
  const parser = new ClaimCopyParser();
  let rows: SimulationClaimFen[] = [];
  for await (const chunk of copyOut(db, query)) {
    parser.push(chunk, rows);
    if (rows.length >= batch) {
      yield rows;
      rows = [];
    }
  }
  parser.end(rows);
  if (rows.length > 0) yield rows;
}

const TAB = 9;
const NEWLINE = 10;
const BACKSLASH = 92;
const DOT = 46;
const MINUS = 45;
const COLUMNS = 17;
const TRUE = 116; // "t"
const NULL_N = 78; // the N of \N

/**
 * COPY's text format (one line per row, fields separated by tabs, `\N` for
 * NULL, backslash escapes in text) read into SimulationClaimFen rows. Chunks
 * may end anywhere; the unfinished line waits for the next one.
 */
export class ClaimCopyParser {
  private rest: Buffer | null = null;
  private readonly at = new Int32Array(COLUMNS + 1);
  // The strings rows repeat (a person's id over their claims, villages, days, settings) made once:
  // millions of rows would otherwise each allocate them again.
  private readonly lastPerson = Buffer.alloc(64);
  private lastPersonLength = -1;
  private lastPersonId = "";
  private readonly digitStrings = new Map<number, string>();

  push(chunk: Buffer, into: SimulationClaimFen[]): void {
    const buf = this.rest === null ? chunk : Buffer.concat([this.rest, chunk]);
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(NEWLINE, start);
      if (nl < 0) break;
      into.push(this.line(buf, start, nl));
      start = nl + 1;
    }
    this.rest = start < buf.length ? buf.subarray(start) : null;
  }

  /** The end of the data: nothing may be left unfinished. */
  end(into: SimulationClaimFen[]): void {
    if (this.rest !== null && this.rest.length > 0) into.push(this.line(this.rest, 0, this.rest.length));
    this.rest = null;
  }

  private line(buf: Buffer, start: number, end: number): SimulationClaimFen {
    // Where each field starts (at[n]) and the next one (at[n + 1] − 1 is its end): no closure or slice per field.
    const at = this.at;
    at[0] = start;
    let k = 1;
    for (let i = start; i < end && k < COLUMNS; i++) if (buf[i] === TAB) at[k++] = i + 1;
    if (k !== COLUMNS) throw new Error(`COPY row with ${k} fields, expected ${COLUMNS}`);
    at[COLUMNS] = end + 1;
    return {
      id: buf.toString("latin1", at[0]!, at[1]! - 1),
      personId: this.personId(buf, at[1]!, at[2]! - 1),
      divisionCode: this.digits(buf, at[2]!, at[3]! - 1),
      externalId: text(buf, at[3]!, at[4]! - 1),
      claimDate: this.digits(buf, at[4]!, at[5]! - 1),
      setting: setting(buf, at[5]!, at[6]! - 1),
      hospitalLevel: smallInt(buf, at[6]!, at[7]! - 1),
      specialDisease: buf[at[7]!] === TRUE,
      referred: buf[at[8]!] === TRUE,
      inCity: buf[at[9]!] === TRUE,
      onApplication: buf[at[10]!] === TRUE,
      policyScopeCost: fenOf(buf, at[11]!, at[12]! - 1),
      outOfScopeCost: fenOf(buf, at[12]!, at[13]! - 1),
      basicPaid: fenOrNull(buf, at[13]!, at[14]! - 1),
      criticalPaid: fenOrNull(buf, at[14]!, at[15]! - 1),
      hospitalWaived: fenOf(buf, at[15]!, at[16]! - 1),
      commercialPaid: fenOf(buf, at[16]!, at[17]! - 1),
    };
  }

  /** The person's id: the previous row's string when the bytes are the same (rows come in person order). */
  private personId(buf: Buffer, s: number, e: number): string {
    const n = e - s;
    if (n === this.lastPersonLength) {
      let i = 0;
      while (i < n && buf[s + i] === this.lastPerson[i]) i++;
      if (i === n) return this.lastPersonId;
    }
    this.lastPersonId = buf.toString("latin1", s, e);
    if (n <= this.lastPerson.length) {
      buf.copy(this.lastPerson, 0, s, e);
      this.lastPersonLength = n;
    } else this.lastPersonLength = -1;
    return this.lastPersonId;
  }

  /**
   * A field of digits and dashes (a division code, a date) of at most 13
   * characters: one string per distinct value, found by its key (the
   * characters as a base-11 number, dash = 10, and the length).
   */
  private digits(buf: Buffer, s: number, e: number): string {
    if (e - s > 13) return buf.toString("latin1", s, e);
    let key = 0;
    for (let i = s; i < e; i++) {
      const b = buf[i]!;
      const d = b === MINUS ? 10 : b - 48;
      if (b !== MINUS && (d < 0 || d > 9)) return buf.toString("latin1", s, e);
      key = key * 11 + d;
    }
    key = key * 32 + (e - s);
    let hit = this.digitStrings.get(key);
    if (hit === undefined) {
      hit = buf.toString("latin1", s, e);
      if (this.digitStrings.size >= 100_000) this.digitStrings.clear();
      this.digitStrings.set(key, hit);
    }
    return hit;
  }
}

/** hospital_level: one digit read as such, anything else as Number() reads it. */
function smallInt(buf: Buffer, s: number, e: number): number {
  const d = buf[s]! - 48;
  return e - s === 1 && d >= 0 && d <= 9 ? d : Number(buf.toString("latin1", s, e));
}

const INPATIENT = Buffer.from("inpatient");
const OUTPATIENT = Buffer.from("outpatient");

function setting(buf: Buffer, s: number, e: number): SimulationClaimFen["setting"] {
  if (e - s === INPATIENT.length && buf.compare(INPATIENT, 0, INPATIENT.length, s, e) === 0) return "inpatient";
  if (e - s === OUTPATIENT.length && buf.compare(OUTPATIENT, 0, OUTPATIENT.length, s, e) === 0) return "outpatient";
  return buf.toString("utf8", s, e) as SimulationClaimFen["setting"];
}

/** A nullable numeric field: `\N` is NULL. */
function fenOrNull(buf: Buffer, s: number, e: number): number | null {
  return e - s === 2 && buf[s] === BACKSLASH && buf[s + 1] === NULL_N ? null : fenOf(buf, s, e);
}

/**
 * A numeric(14,2) field ("1234.50", "-0.01") to fen, digit by digit, as
 * yuanToCents reads the same text (at most 15 digits, so the integer is
 * exact); any other form goes through yuanToCents itself.
 */
function fenOf(buf: Buffer, s: number, e: number): number {
  const first = buf[s] === MINUS ? s + 1 : s;
  if (e - first >= 4 && e - first <= 16 && buf[e - 3] === DOT) {
    let fen = 0;
    let i = first;
    for (; i < e; i++) {
      if (i === e - 3) continue;
      const d = buf[i]! - 48;
      if (d < 0 || d > 9) break;
      fen = fen * 10 + d;
    }
    if (i === e) return first === s ? fen : -fen;
  }
  return yuanToCents(buf.toString("latin1", s, e));
}

const ESCAPES: Record<number, string> = { 98: "\b", 102: "\f", 110: "\n", 114: "\r", 116: "\t", 118: "\v", 92: "\\" };

/** A text field: UTF-8, with COPY's backslash escapes undone. */
function text(buf: Buffer, s: number, e: number): string {
  const slash = buf.indexOf(BACKSLASH, s);
  if (slash < 0 || slash >= e) return buf.toString("utf8", s, e);
  let out = "";
  let from = s;
  for (let i = slash; i < e; i++) {
    if (buf[i] !== BACKSLASH) continue;
    out += buf.toString("utf8", from, i);
    const next = buf[i + 1]!;
    const escaped = ESCAPES[next];
    if (escaped === undefined) throw new Error(`COPY text escape \\${String.fromCharCode(next)} not expected`);
    out += escaped;
    i++;
    from = i + 1;
  }
  return out + buf.toString("utf8", from, e);
}

/** prefixLiteral as plain text (a COPY statement takes no parameters). */
function prefixText(column: string, prefix: string): string {
  if (!/^\d{1,12}$/.test(prefix)) throw new Error(`not a division prefix: ${prefix}`);
  const upper = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return `(${column} >= '${prefix}' AND ${column} < '${upper}' AND ${column} LIKE '${prefix}%')`;
}
