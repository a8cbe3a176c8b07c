import { sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../client";
import type { StoredClaimFen } from "@/lib/claims/domain/settle-year";
import { canCopyOut } from "../bulk";
import { ClaimCopyParser, copyRows, EnrolmentCopyParser } from "./simulation-copy-parsers";
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
  yield* copyRows(db, query, new EnrolmentCopyParser(), f.batch ?? 5_000);
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
 * measures against, parsed straight from the bytes (ClaimCopyParser: amounts
 * to fen without a string). Yields batches of about `batch` rows in ledger order; a
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
  yield* copyRows(db, query, new ClaimCopyParser(), f.batch ?? 20_000);
}

/** prefixLiteral as plain text (a COPY statement takes no parameters). */
function prefixText(column: string, prefix: string): string {
  if (!/^\d{1,12}$/.test(prefix)) throw new Error(`not a division prefix: ${prefix}`);
  const upper = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return `(${column} >= '${prefix}' AND ${column} < '${upper}' AND ${column} LIKE '${prefix}%')`;
}
