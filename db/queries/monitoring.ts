import { and, count, eq, gte, inArray, like, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { applications, claims, monitoringFlags, people } from "../schema";
import { rowsOf } from "./stats-rows";
import { GRANTED_STATES } from "@/lib/applications/domain/states";

// The inputs and outputs of `monitoring run` (lib/monitoring/run-monitoring.ts):
// each person's year summed from the current settlements of the ledger, the
// on-application assistance approved that year, and the flags.

export type PersonYear = {
  personId: string;
  divisionCode: string;
  /** The latest claim date of the year: the policy in force then is the one applied. */
  lastDate: string;
  /** The category of the year's latest settlement (the consolidated category on that claim's date). */
  category: string;
  selfPaid: string;
  afterBasicAndCritical: string;
  outOfScope: string;
  claimIds: string[];
};

/**
 * These people's years (those under the prefix with a settled claim in
 * `year`), with the year's sums of the current settlements: what a claims
 * import or a re-settlement touched. A whole division is aggregated at once
 * instead (monitoring-years.ts).
 */
export async function personYears(db: Db | Tx, prefix: string, year: number, ids: readonly string[]): Promise<PersonYear[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  if (ids.length === 0) return [];
  // Per person (LATERAL), so that each person's few claims are read off
  // claims_person_date and their current settlement off its index: one join
  // over the batch let PostgreSQL hash-join whole tables (a parallel scan of
  // every settlement and person for each batch of 1,000).
  const result = await db.execute(sql`
    SELECT p.id AS "personId", p.division_code AS "divisionCode", y.last_date AS "lastDate", y.category,
           y.self_paid AS "selfPaid", y.after_basic_and_critical AS "afterBasicAndCritical", y.out_of_scope AS "outOfScope", y.claim_ids AS "claimIds"
    FROM people p
    CROSS JOIN LATERAL (
      SELECT max(c.claim_date)::text AS last_date,
             (array_agg(s.category ORDER BY c.claim_date DESC, c.id DESC))[1] AS category,
             sum(s.self_paid)::text AS self_paid,
             sum(c.policy_scope_cost - s.basic - s.critical)::text AS after_basic_and_critical,
             sum(c.out_of_scope_cost)::text AS out_of_scope,
             array_agg(c.id::text ORDER BY c.claim_date, c.id) AS claim_ids
      FROM claims c
      JOIN claim_settlements s ON s.claim_id = c.id AND s.superseded_at IS NULL
      WHERE c.person_id = p.id AND c.claim_date >= ${from}::date AND c.claim_date <= ${to}::date
    ) y
    WHERE p.id IN (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) AND p.division_code LIKE ${`${prefix}%`} AND y.last_date IS NOT NULL
    ORDER BY p.id`);
  return rowsOf<PersonYear>(result).map((r) => ({ ...r, claimIds: Array.isArray(r.claimIds) ? r.claimIds : parsePgArray(String(r.claimIds)) }));
}

// PGlite and postgres.js both return text[] as arrays; kept for a driver that returns the literal.
function parsePgArray(literal: string): string[] {
  return literal.replace(/^\{|\}$/g, "").split(",").filter(Boolean);
}

/** On-application assistance approved for these people in `year` (approved, in a batch, paid, or awaiting corrected bank details). */
export async function approvedApplicationAssistance(db: Db | Tx, personIds: readonly string[], year: number): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .select({ personId: applications.personId, amount: sql<string>`sum(${applications.approvedAmount})::text` })
    .from(applications)
    .where(
      and(
        inArray(applications.personId, [...personIds]),
        eq(applications.year, year),
        inArray(applications.state, [...GRANTED_STATES]),
      ),
    )
    .groupBy(applications.personId);
  return new Map(rows.map((r) => [r.personId, r.amount ?? "0"]));
}

export async function countPeopleUnder(db: Db | Tx, prefix: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(people).where(like(people.divisionCode, `${prefix}%`));
  return Number(row?.n ?? 0);
}

export async function flagsOf(db: Db | Tx, personIds: readonly string[], year: number) {
  if (personIds.length === 0) return [];
  return db
    .select({ id: monitoringFlags.id, personId: monitoringFlags.personId, ruleId: monitoringFlags.ruleId })
    .from(monitoringFlags)
    .where(and(inArray(monitoringFlags.personId, [...personIds]), eq(monitoringFlags.year, year)));
}

export type NewFlag = typeof monitoringFlags.$inferInsert;

/** Inserts the flags; one that already exists for the person, year and rule is left as it is. Returns how many were new. */
export async function insertFlags(tx: Tx, rows: readonly NewFlag[]): Promise<number> {
  if (rows.length === 0) return 0;
  const done = await tx.insert(monitoringFlags).values([...rows]).onConflictDoNothing().returning({ id: monitoringFlags.id });
  return done.length;
}

/** The latest evaluation's figure on existing flags, one statement for the batch (never their basis, status or outcome). */
export async function refreshFlags(tx: Tx, rows: readonly { id: number; latestFigure: string; latestFlagged: boolean }[], on: string): Promise<void> {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map((r) => sql`(${r.id}::int, ${r.latestFigure}::numeric, ${r.latestFlagged ? "yes" : "no"}::text)`),
    sql`, `,
  );
  await tx.execute(sql`
    UPDATE monitoring_flags AS f
       SET latest_figure = v.figure, latest_flagged = v.flagged, evaluated_on = ${on}::date
      FROM (VALUES ${values}) AS v(id, figure, flagged)
     WHERE f.id = v.id`);
}

export async function countFlags(db: Db | Tx, prefix: string, year: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(monitoringFlags)
    .innerJoin(people, eq(people.id, monitoringFlags.personId))
    .where(and(eq(monitoringFlags.year, year), like(people.divisionCode, `${prefix}%`)));
  return Number(row?.n ?? 0);
}

/** The person-years (person, claim year) these claims belong to: what an import or a re-settlement touched. */
export async function personYearsOfClaims(db: Db | Tx, claimIds: readonly string[]): Promise<{ personId: string; year: number }[]> {
  if (claimIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ personId: claims.personId, year: sql<number>`extract(year from ${claims.claimDate})::int` })
    .from(claims)
    .where(inArray(claims.id, [...claimIds]));
  return rows.map((r) => ({ personId: r.personId, year: Number(r.year) }));
}

/** The years with claims on or after `from` of people under the prefix: what a policy activation from that date can change. */
export async function claimYearsFrom(db: Db | Tx, prefix: string, from: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: sql<number>`extract(year from ${claims.claimDate})::int` })
    .from(claims)
    .innerJoin(people, eq(people.id, claims.personId))
    .where(and(gte(claims.claimDate, from), like(people.divisionCode, `${prefix}%`)));
  return rows.map((r) => Number(r.year)).sort((a, b) => a - b);
}
