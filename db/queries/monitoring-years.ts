import { sql } from "drizzle-orm";
import type { Tx } from "../client";
import type { PersonYear } from "./monitoring";
import { rowsOf } from "./stats-rows";

// The person-years of a whole division for `monitoring run`
// (lib/monitoring/reevaluate-people.ts): every person's sums of the year
// aggregated by PostgreSQL in one grouped statement into a temporary table
// (dropped at commit), then read back in batches.
//
// Why not per batch: summing each batch's people by their own claims
// (personYears in monitoring.ts, what an import's few people still use) costs
// an index probe per claim and per settlement — at 1,000,000 people, 3,000,000
// of each, 1,000 round trips and most of a minute. One grouped statement reads
// the year's claims and settlements once, with a hash join, as the bare sum
// does.

const TABLE = sql.raw("monitoring_person_years");

/**
 * Aggregates the year of every person under the prefix with a settled claim
 * that year into the temporary table, numbered 1…n in person-id order (the
 * order the batches are read in); returns n.
 */
export async function stageDivisionYears(tx: Tx, prefix: string, year: number): Promise<number> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  await tx.execute(sql`DROP TABLE IF EXISTS ${TABLE}`);
  // The latest claim's category and the claim ids in date order come from
  // the rows sorted once by person, date and id (a window over the sorted
  // rows, not an ordered aggregate per person, so that PostgreSQL can hash the
  // groups). Claims are cut to the prefix through people before the join.
  await tx.execute(sql`
    CREATE TEMP TABLE ${TABLE} ON COMMIT DROP AS
    SELECT row_number() OVER (ORDER BY y.person_id) AS n, y.*
    FROM (
      SELECT c.person_id, p.division_code,
             max(c.claim_date)::text AS last_date,
             sum(s.self_paid)::text AS self_paid,
             sum(c.policy_scope_cost - s.basic - s.critical)::text AS after_basic_and_critical,
             sum(c.out_of_scope_cost)::text AS out_of_scope,
             max(array[to_char(c.claim_date, 'YYYY-MM-DD'), c.id::text, s.category]) AS latest,
             array_agg(c.claim_date::text || ' ' || c.id::text) AS dated_claim_ids
      FROM claims c
      JOIN people p ON p.id = c.person_id
      JOIN claim_settlements s ON s.claim_id = c.id AND s.superseded_at IS NULL
      WHERE c.claim_date >= ${from}::date AND c.claim_date <= ${to}::date AND p.division_code LIKE ${`${prefix}%`}
      GROUP BY c.person_id, p.division_code
    ) y`);
  await tx.execute(sql`CREATE UNIQUE INDEX ON ${TABLE} (n)`);
  const [row] = rowsOf<{ n: number }>(await tx.execute(sql`SELECT count(*)::int AS n FROM ${TABLE}`));
  return Number(row?.n ?? 0);
}

/** The staged person-years numbered `fromN`…`fromN + limit - 1`. */
export async function stagedYears(tx: Tx, fromN: number, limit: number): Promise<PersonYear[]> {
  const result = await tx.execute(sql`
    SELECT person_id AS "personId", division_code AS "divisionCode", last_date AS "lastDate", latest[3] AS category,
           self_paid AS "selfPaid", after_basic_and_critical AS "afterBasicAndCritical", out_of_scope AS "outOfScope",
           dated_claim_ids AS "datedClaimIds"
    FROM ${TABLE}
    WHERE n >= ${fromN} AND n < ${fromN + limit}
    ORDER BY n`);
  return rowsOf<Omit<PersonYear, "claimIds"> & { datedClaimIds: string[] | string }>(result).map(({ datedClaimIds, ...r }) => ({
    ...r,
    claimIds: claimIdsInDateOrder(datedClaimIds),
  }));
}

/** "2026-03-01 <uuid>" pairs sorted (date, then id: the order personYears gives) and cut to the ids. */
function claimIdsInDateOrder(dated: string[] | string): string[] {
  const list = Array.isArray(dated) ? dated : dated.replace(/^\{|\}$/g, "").split(",").filter(Boolean).map((s) => s.replace(/^"|"$/g, ""));
  return list.sort().map((s) => s.slice(11));
}
