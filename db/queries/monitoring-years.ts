import { sql } from "drizzle-orm";
import type { Tx } from "../client";
import type { PersonYear } from "./monitoring";
import { rowsOf } from "./stats-rows";
import { GRANTED_STATES } from "@/lib/applications/domain/states";

// The person-years of a whole division for `monitoring run`
// (lib/monitoring/reevaluate-people.ts): every person's sums of the year
// aggregated by PostgreSQL in one grouped statement into a temporary table
// (dropped at commit), then read back in batches with what the evaluation
// needs beside them (the year's approved on-application assistance, the
// person's existing flags), one round trip a batch.
//
// Why not per batch: summing each batch's people by their own claims
// (personYears in monitoring.ts, what an import's few people still use) costs
// an index probe per claim and per settlement — at 1,000,000 people, 3,000,000
// of each, 1,000 round trips and most of a minute. One grouped statement reads
// the year's claims and settlements once, with a hash join, as the bare sum
// does. The claim ids are not carried for everyone: only a raised flag
// stores them, so they are read for those people alone (claimIdsOfYears).

const TABLE = sql.raw("monitoring_person_years");

/** On-application assistance counts as granted in these states (GRANTED_STATES, the same list as the limit pool's). */
const GRANTED = sql.raw(`(${GRANTED_STATES.map((s) => `'${s}'`).join(", ")})`);

/** A staged person-year, with the year's granted assistance and the person's flags of the year. */
export type StagedYear = Omit<PersonYear, "claimIds"> & { granted: string; flags: { ruleId: string; id: number }[] };

/**
 * Aggregates the year of every person under the prefix with a settled claim
 * that year into the temporary table (indexed by person id, the order the
 * batches are read in); returns how many.
 */
export async function stageDivisionYears(tx: Tx, prefix: string, year: number): Promise<number> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  await tx.execute(sql`DROP TABLE IF EXISTS ${TABLE}`);
  // Grouped by person id alone, so that PostgreSQL may hash the groups (with
  // the division among the keys, or a numbering window over them, it sorted
  // all 3,000,000 rows: a quarter slower at 1,000,000 people); the prefix cuts
  // the claims through a semi-join and the division is joined after. The
  // latest claim's category: the greatest (date, id, category) of the
  // person's rows — an ordinary aggregate, where an ordered one
  // (array_agg … ORDER BY) would sort every person's rows. The year's
  // granted assistance and existing flags are joined here, once, by hash (a
  // run's own new flags are of people of the batch that raised them).
  await tx.execute(sql`
    CREATE TEMP TABLE ${TABLE} ON COMMIT DROP AS
    SELECT y.*, p.division_code, coalesce(g.granted, 0)::text AS granted, f.flags
    FROM (
      SELECT c.person_id,
             max(c.claim_date)::text AS last_date,
             sum(s.self_paid)::text AS self_paid,
             sum(c.policy_scope_cost - s.basic - s.critical)::text AS after_basic_and_critical,
             sum(c.out_of_scope_cost)::text AS out_of_scope,
             (max(array[c.claim_date::text, c.id::text, s.category]))[3] AS category
      FROM claims c
      JOIN claim_settlements s ON s.claim_id = c.id AND s.superseded_at IS NULL
      WHERE c.claim_date >= ${from}::date AND c.claim_date <= ${to}::date
        AND c.person_id IN (SELECT q.id FROM people q WHERE q.division_code LIKE ${`${prefix}%`})
      GROUP BY c.person_id
    ) y
    JOIN people p ON p.id = y.person_id
    LEFT JOIN (SELECT a.person_id, sum(a.approved_amount) AS granted FROM applications a
                WHERE a.year = ${year} AND a.state IN ${GRANTED} GROUP BY a.person_id) g ON g.person_id = y.person_id
    LEFT JOIN (SELECT f.person_id, string_agg(f.rule_id || '|' || f.id, ',') AS flags FROM monitoring_flags f
                WHERE f.year = ${year} GROUP BY f.person_id) f ON f.person_id = y.person_id`);
  await tx.execute(sql`CREATE UNIQUE INDEX ON ${TABLE} (person_id)`);
  const [row] = rowsOf<{ n: number }>(await tx.execute(sql`SELECT count(*)::int AS n FROM ${TABLE}`));
  return Number(row?.n ?? 0);
}

/** The next `limit` staged person-years after `afterId` in person-id order, with their granted assistance and flags of the year. */
export async function stagedYears(tx: Tx, afterId: string, limit: number): Promise<StagedYear[]> {
  const result = await tx.execute(sql`
    SELECT t.person_id AS "personId", t.division_code AS "divisionCode", t.last_date AS "lastDate", t.category,
           t.self_paid AS "selfPaid", t.after_basic_and_critical AS "afterBasicAndCritical", t.out_of_scope AS "outOfScope",
           t.granted, t.flags
    FROM ${TABLE} t
    WHERE t.person_id > ${afterId}::uuid
    ORDER BY t.person_id
    LIMIT ${limit}`);
  return rowsOf<Omit<StagedYear, "flags"> & { flags: string | null }>(result).map((r) => ({
    ...r,
    flags: r.flags ? r.flags.split(",").map(flagOf) : [],
  }));
}

// "<rule id>|<flag id>": the id after the last bar, so that a rule id may hold one.
function flagOf(pair: string): { ruleId: string; id: number } {
  const bar = pair.lastIndexOf("|");
  return { ruleId: pair.slice(0, bar), id: Number(pair.slice(bar + 1)) };
}

/** The claim ids of these people's years (settled claims of `year`), in date then id order: what a raised flag stores. */
export async function claimIdsOfYears(tx: Tx, personIds: readonly string[], year: number): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (personIds.length === 0) return out;
  const result = await tx.execute(sql`
    SELECT c.person_id AS "personId", c.id::text AS id
    FROM claims c
    JOIN claim_settlements s ON s.claim_id = c.id AND s.superseded_at IS NULL
    WHERE c.person_id IN (${sql.join(
      personIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) AND c.claim_date >= ${`${year}-01-01`}::date AND c.claim_date <= ${`${year}-12-31`}::date
    ORDER BY c.person_id, c.claim_date, c.id`);
  for (const r of rowsOf<{ personId: string; id: string }>(result)) {
    const list = out.get(r.personId);
    if (list) list.push(r.id);
    else out.set(r.personId, [r.id]);
  }
  return out;
}
