import type { SimulationClaimFen, SimulationEnrolmentRow } from "./policy-simulation";
import { yuanToCents } from "@/lib/settlement/cents";
import { copyOut } from "../bulk";
import type { Db } from "../client";

// COPY's text format read straight from the bytes into the 政策测算's rows
// (db/queries/policy-simulation.ts's bulk reads): one line per row, fields
// separated by tabs, `\N` for NULL, backslash escapes in text. A county's
// millions of claims are read this way because a string per field, then a
// number per string, was most of the simulation's time.

const TAB = 9;
const NEWLINE = 10;
const BACKSLASH = 92;
const DOT = 46;
const MINUS = 45;
const TRUE = 116; // "t"
const NULL_N = 78; // the N of \N

/**
 * A COPY text stream cut into lines, each read into a T by the subclass.
 * Chunks may end anywhere; the unfinished line waits for the next one.
 */
export abstract class CopyTextParser<T> {
  private rest: Buffer | null = null;
  private readonly at: Int32Array;

  constructor(private readonly columns: number) {
    this.at = new Int32Array(columns + 1);
  }

  push(chunk: Buffer, into: T[]): void {
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
  end(into: T[]): void {
    if (this.rest !== null && this.rest.length > 0) into.push(this.line(this.rest, 0, this.rest.length));
    this.rest = null;
  }

  protected abstract line(buf: Buffer, start: number, end: number): T;

  /**
   * Where each field of the line starts (at[n]; at[n + 1] − 1 is its end):
   * no closure or slice per field. The array is reused by the next line.
   */
  protected fields(buf: Buffer, start: number, end: number): Int32Array {
    const at = this.at;
    const columns = this.columns;
    at[0] = start;
    let k = 1;
    for (let i = start; i < end && k < columns; i++) if (buf[i] === TAB) at[k++] = i + 1;
    if (k !== columns) throw new Error(`COPY row with ${k} fields, expected ${columns}`);
    at[columns] = end + 1;
    return at;
  }
}

/**
 * The rows of `COPY (query) TO STDOUT` through `parser`, in batches of about
 * `batch` (a batch may end inside a person's rows).
 */
export async function* copyRows<T>(db: Db, query: string, parser: CopyTextParser<T>, batch: number): AsyncGenerator<T[]> {
  let rows: T[] = [];
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

/** The claims of simulationClaimsBulk's statement, 17 columns in its order, amounts to fen without a string. */
export class ClaimCopyParser extends CopyTextParser<SimulationClaimFen> {
  // The strings rows repeat (a person's id over their claims, villages, days, settings) made once:
  // millions of rows would otherwise each allocate them again.
  private readonly lastPerson = Buffer.alloc(64);
  private lastPersonLength = -1;
  private lastPersonId = "";
  private readonly digitStrings = new Map<number, string>();

  constructor() {
    super(17);
  }

  protected line(buf: Buffer, start: number, end: number): SimulationClaimFen {
    const at = this.fields(buf, start, end);
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

/** The enrolments of simulationEnrolmentsBulk's statement, 9 columns in its order. */
export class EnrolmentCopyParser extends CopyTextParser<SimulationEnrolmentRow> {
  constructor() {
    super(9);
  }

  protected line(buf: Buffer, start: number, end: number): SimulationEnrolmentRow {
    const at = this.fields(buf, start, end);
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
  }}

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
