import type { BulkTx } from "../bulk";
import { inForceOrder } from "./policy-in-force";

// The SQL of a subsidy run (资助参保): enrolments of a year that have no
// subsidy yet, each with the person's consolidated category on the day the
// contribution was paid; the policy version in force on that day; and the
// insert. A subsidy row, once written, is never changed (000 §二(一): a later
// change of identity earns no top-up).

export type PendingSubsidy = {
  /** The enrolment's id: the batches' cursor. */
  id: number;
  person_id: string;
  division_code: string;
  tier: number;
  contribution: string;
  /** The tier-1 standard: the file's value during an import, else derived (see below); null when unknown. */
  tier1: string | null;
  paid_on: string;
  fee_exempt: "yes" | "no";
  /** Category on paid_on, or null when the person held none that day. */
  category: string | null;
};

/**
 * Enrolments of the year, within the scope, without a subsidy row. The
 * category is categoryOn(person, paid_on) (db/queries/person-categories.ts)
 * as one set query. The tier-1 standard comes from the import's staging table
 * (`fromStaging`) or else, for a tier-1 row, is its own contribution, and for a
 * tier-2 row the contribution of a tier-1 row of the same file (a file holds
 * one standard: the import checks it).
 */
/**
 * SQL over an enrolment row `e`: its household's tier-1 contribution (the
 * subsidy is a share of it, 000 §二(一)), and — as the lateral `c` — the
 * category the person held on the day the contribution was paid (a later
 * change earns no top-up). Shared by the import's subsidy pass and 政策测算.
 * A tier-2 row's standard is its import's (enrolment_imports.tier1, one per
 * file): looking for a tier-1 enrolment of the same import had no index to
 * use and read the table from its start for every tier-2 row.
 */
export const TIER1_CONTRIBUTION = `CASE WHEN e.tier = 1 THEN e.contribution ELSE
  (SELECT i.tier1 FROM enrolment_imports i WHERE i.id = e.import_id) END`;
export const CATEGORY_ON_PAID_DAY = `LEFT JOIN LATERAL (
  SELECT pc.category FROM person_categories pc
  WHERE pc.person_id = e.person_id AND pc.from_date <= e.paid_on AND (pc.to_date IS NULL OR pc.to_date >= e.paid_on)
  ORDER BY pc.from_date DESC LIMIT 1
) c ON true`;

/** One batch of pendingSubsidies: the enrolments found, and the last enrolment id looked at (the next batch's `afterId`); null when none was left. */
export type PendingBatch = { rows: PendingSubsidy[]; scannedTo: number | null };

/**
 * The next window of `limit` enrolments of the year after `afterId` (by id),
 * and of those the ones that still need a subsidy. The window is fixed first
 * and the filters run within it, each as a lookup per enrolment. Asked as
 * one "first `limit` matches after afterId", PostgreSQL's generic plan for
 * the prepared statement (chosen after five executions) sorted every match
 * past `afterId` before the LIMIT — 22 s a batch at 3 M people, a run
 * growing with the square of the county. And with a window of 10,000 the
 * planner still preferred hashing all of people and all of the year's
 * subsidies for every batch (seen at 300,000 people with fresh statistics).
 * Each lookup is therefore a LATERAL subquery with LIMIT 1, which the planner
 * cannot flatten into a hash join: one index probe per enrolment, whatever
 * the table sizes. A window may hold no pending enrolment (all subsidised, or
 * none low-income): the caller goes on from `scannedTo` until it is null.
 */
export async function pendingSubsidies(
  tx: BulkTx,
  a: { year: number; scopePrefix: string; fromStaging: boolean; afterId: number; limit: number },
): Promise<PendingBatch> {
  const [window] = await tx.query<{ last: number | null }>(
    `SELECT max(id) AS last FROM (SELECT id FROM enrolments WHERE year = $1 AND id > $2 ORDER BY id LIMIT $3) w`,
    [a.year, a.afterId, a.limit],
  );
  const last = window?.last == null ? null : Number(window.last);
  if (last === null) return { rows: [], scannedTo: null };
  const staged = a.fromStaging
    ? "(SELECT s.tier1 FROM enrolment_staging s WHERE s.id_hash = p.id_hash AND s.year = e.year LIMIT 1)"
    : "NULL";
  const rows = await tx.query<PendingSubsidy>(
    `SELECT e.id, e.person_id, p.division_code, e.tier, e.contribution::text AS contribution, e.paid_on::text AS paid_on, e.fee_exempt,
            coalesce(${staged}, ${TIER1_CONTRIBUTION})::text AS tier1,
            c.category
     FROM enrolments e
     CROSS JOIN LATERAL (SELECT p.division_code, p.id_hash FROM people p WHERE p.id = e.person_id LIMIT 1) p
     LEFT JOIN LATERAL (SELECT true AS done FROM subsidies s WHERE s.person_id = e.person_id AND s.year = e.year LIMIT 1) done ON true
     ${CATEGORY_ON_PAID_DAY}
     WHERE e.year = $1 AND e.id > $3 AND e.id <= $4 AND p.division_code LIKE $2 || '%' AND done.done IS NULL
     ORDER BY e.id`,
    [a.year, a.scopePrefix, a.afterId, last],
  );
  return { rows, scannedTo: last };
}

/** Division codes that hold a policy activation: a person's chain is cut down to these. */
export async function activationDivisions(tx: BulkTx): Promise<Set<string>> {
  const rows = await tx.query<{ division_code: string }>("SELECT DISTINCT division_code FROM policy_activations");
  return new Set(rows.map((r) => r.division_code));
}

export type PolicyInForce = { id: number; name: string; version: number; record: unknown };

/**
 * The policy version in force on `day` for a division chain, chosen as
 * policyVersionInForce chooses it (inForceOrder), in raw SQL for use inside a
 * bulk transaction.
 */
export async function policyInForceOn(tx: BulkTx, chain: readonly string[], day: string): Promise<PolicyInForce | null> {
  if (chain.length === 0) return null;
  const list = chain.map((_, i) => `$${i + 2}`).join(", ");
  const [row] = await tx.query<PolicyInForce>(
    `SELECT v.id, v.name, v.version, v.record FROM policy_activations a JOIN policy_versions v ON v.id = a.version_id
     WHERE a.division_code IN (${list}) AND a.active_from <= $1::date
     ORDER BY ${inForceOrder("a")} LIMIT 1`,
    [day, ...chain],
  );
  return row ?? null;
}

export type NewSubsidy = {
  personId: string;
  year: number;
  category: string;
  policyVersionId: number;
  subsidy: string;
  personal: string;
  funding: { source: string; amount: string }[];
};

const SUBSIDY_COLUMNS = ["person_id", "year", "category", "policy_version_id", "subsidy", "personal", "funding"] as const;

/**
 * A run's subsidies are gathered in a temporary table and stored with one
 * INSERT at the end (storeStagedSubsidies), not a COPY into `subsidies` per
 * batch: each statement on `subsidies` fires the dashboard's statement
 * trigger (migration 0025), which updates the same few thousand summary rows,
 * and inside one transaction every update leaves a version the next one must
 * step over. At 5 M people (2,500 COPYs of 2,000) the batches grew from
 * under a second to 8 s and on; one statement updates each summary row once.
 */
export async function createSubsidyStaging(tx: BulkTx): Promise<void> {
  await tx.query(`CREATE TEMP TABLE subsidy_staging (
    person_id uuid NOT NULL, year int NOT NULL, category text NOT NULL, policy_version_id int,
    subsidy numeric(14,2) NOT NULL, personal numeric(14,2) NOT NULL, funding jsonb NOT NULL
  ) ON COMMIT DROP`);
}

export async function stageSubsidies(tx: BulkTx, rows: readonly NewSubsidy[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    await tx.copyRows(
      "subsidy_staging",
      SUBSIDY_COLUMNS,
      rows.slice(i, i + 2000).map((r) => [r.personId, String(r.year), r.category, String(r.policyVersionId), r.subsidy, r.personal, JSON.stringify(r.funding)]),
    );
  }
}

/** The staged subsidies into `subsidies` in one statement (by person: the unique index is appended to in order), then the staging table is dropped. */
export async function storeStagedSubsidies(tx: BulkTx): Promise<void> {
  const columns = SUBSIDY_COLUMNS.join(", ");
  await tx.query(`INSERT INTO subsidies (${columns}) SELECT ${columns} FROM subsidy_staging ORDER BY person_id, year`);
  await tx.query("DROP TABLE subsidy_staging");
}
