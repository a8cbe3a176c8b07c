import type { BulkTx } from "../bulk";

// The SQL of one month's consolidation (汇总比对): every person on any roll
// on the month's first day gets exactly one category — the best-ranked, ties
// by the earlier certification — compared against the open consolidated
// categories to record additions, removals and changes.
//
// A run is full (every person on any roll) or incremental: only the people in
// `consolidation_affected` — those whose roll entries lists unseen by the
// previous run opened or closed, or whose entries start or end between the
// two months' first days. Everyone else keeps the previous run's category,
// conflict record and count, which a full run would recompute unchanged.

export async function lockConsolidation(tx: BulkTx): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('roster:consolidate'))");
}

export async function latestConsolidatedMonth(tx: BulkTx): Promise<string | null> {
  const [row] = await tx.query<{ month: string | null }>("SELECT max(month) AS month FROM consolidations");
  return row?.month ?? null;
}

/** A category as consolidation sees it: its place in the ranking (lower wins) and the name a clerk reads. */
export type RankedCategory = { category: string; rank: number; name: string };

export type ConsolidationRecord = {
  id: number;
  month: string;
  policy_version_id: number | null;
  persons: number;
  by_category: Record<string, number>;
  conflicts: number;
  added: number;
  removed: number;
  changed: number;
};

/** The run before this one, whose results an incremental run continues (or a repeated run returns). */
export async function previousConsolidation(tx: BulkTx): Promise<ConsolidationRecord | null> {
  const [row] = await tx.query<ConsolidationRecord>(
    "SELECT id, month, policy_version_id, persons, by_category, conflicts, added, removed, changed FROM consolidations ORDER BY id DESC LIMIT 1",
  );
  return row ?? null;
}

/** Whether a list was accepted that no run has seen yet. */
export async function hasUnseenSubmissions(tx: BulkTx): Promise<boolean> {
  const [row] = await tx.query<{ unseen: boolean }>("SELECT EXISTS (SELECT 1 FROM roster_submissions WHERE consolidation_id IS NULL) AS unseen");
  return row!.unseen;
}

/**
 * Marks every list no run has seen yet as seen by this one and returns their
 * ids. Marked before the rolls are read: a list committed in between is then
 * read but left unmarked, so the next run looks at its people again (never
 * the other way round).
 */
export async function markUnseenSubmissions(tx: BulkTx, consolidationId: number): Promise<number[]> {
  const rows = await tx.query<{ id: number }>("UPDATE roster_submissions SET consolidation_id = $1 WHERE consolidation_id IS NULL RETURNING id", [consolidationId]);
  return rows.map((r) => r.id);
}

/**
 * The people an incremental run recomputes, into `consolidation_affected`:
 * anyone with a roll entry opened or closed by one of `submissionIds`, or
 * starting after `previousStart` and by `monthStart`, or ending on or after
 * `previousStart` and before `monthStart`. One pass over the rolls (no index
 * is needed for a scan of narrow rows); returns how many people.
 */
export async function selectAffected(tx: BulkTx, a: { submissionIds: number[]; previousStart: string; monthStart: string }): Promise<number> {
  // The statements after this one join a few people to tables of a million: by index (the
  // default random_page_cost planned full scans of person_categories). This transaction only.
  await tx.query("SET LOCAL random_page_cost = 1.1");
  await tx.query(
    `CREATE TEMP TABLE consolidation_affected ON COMMIT DROP AS
     SELECT DISTINCT person_id FROM department_memberships
     WHERE opened_by = ANY($1::int[]) OR closed_by = ANY($1::int[])
        OR (from_date > $2::date AND from_date <= $3::date)
        OR (to_date >= $2::date AND to_date < $3::date)`,
    [a.submissionIds, a.previousStart, a.monthStart],
  );
  await tx.query("ANALYZE consolidation_affected");
  const [row] = await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM consolidation_affected");
  return row!.n;
}

/**
 * Loads the ranking and computes the winners into a temp table
 * `consolidation_winners`: of everyone (full) or of `consolidation_affected`.
 */
export async function computeWinners(tx: BulkTx, categories: readonly RankedCategory[], monthStart: string, incremental: boolean): Promise<void> {
  await tx.query("CREATE TEMP TABLE category_rank (category text PRIMARY KEY, rank int NOT NULL, name text NOT NULL) ON COMMIT DROP");
  await tx.query("INSERT INTO category_rank SELECT * FROM unnest($1::text[], $2::int[], $3::text[])", [
    categories.map((c) => c.category),
    categories.map((c) => c.rank),
    categories.map((c) => c.name),
  ]);
  await tx.query(
    `CREATE TEMP TABLE consolidation_candidates ON COMMIT DROP AS
     SELECT m.person_id, m.department, m.category, m.certified_on, coalesce(r.rank, 1000) AS rank
     FROM department_memberships m LEFT JOIN category_rank r ON r.category = m.category
     ${incremental ? "JOIN consolidation_affected a ON a.person_id = m.person_id" : ""}
     WHERE m.from_date <= $1::date AND (m.to_date IS NULL OR m.to_date >= $1::date)`,
    [monthStart],
  );
  // `candidates` counts the person's lists, so the conflicts need not group the whole month again.
  await tx.query(`CREATE TEMP TABLE consolidation_winners ON COMMIT DROP AS
     SELECT DISTINCT ON (person_id) person_id, category, department, certified_on, count(*) OVER (PARTITION BY person_id) AS candidates
     FROM consolidation_candidates ORDER BY person_id, rank, certified_on, department`);
  // Temporary tables have no statistics until analysed; without them the
  // planner guesses a few hundred rows and picks nested plans for a million.
  await tx.query("ANALYZE consolidation_candidates, consolidation_winners");
}

/** An incremental run's conflicts of the people it did not recompute: the previous run's records, unchanged. */
export async function carryConflicts(tx: BulkTx, a: { fromId: number; toId: number }): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `WITH inserted AS (
       INSERT INTO consolidation_conflicts (consolidation_id, person_id, candidates, chosen, reason)
       SELECT $2, c.person_id, c.candidates, c.chosen, c.reason FROM consolidation_conflicts c
       WHERE c.consolidation_id = $1 AND NOT EXISTS (SELECT 1 FROM consolidation_affected a WHERE a.person_id = c.person_id)
       ORDER BY c.id
       RETURNING 1)
     SELECT count(*)::int AS n FROM inserted`,
    [a.fromId, a.toId],
  );
  return row!.n;
}

/**
 * Records everyone with more than one candidate (several lists, or several
 * categories) with all candidates, the chosen category and the reason a clerk
 * reads — "待遇就高不重复：低保对象 优先于 返贫致贫人口", or, when every list
 * says the same category, that the earliest certification gave the source.
 * Returns how many.
 */
export async function recordConflicts(tx: BulkTx, consolidationId: number): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `WITH multi AS (SELECT person_id, category AS chosen FROM consolidation_winners WHERE candidates > 1),
     cand AS MATERIALIZED (SELECT c.*, m.chosen FROM multi m JOIN consolidation_candidates c USING (person_id)),
     others AS (
       SELECT o.person_id, string_agg(coalesce(n.name, o.category), '、' ORDER BY o.rank, o.first_on, o.category) AS names
       FROM (SELECT person_id, category, min(rank) AS rank, min(certified_on) AS first_on
             FROM cand WHERE category <> chosen GROUP BY person_id, category) o
       LEFT JOIN category_rank n USING (category)
       GROUP BY o.person_id),
     inserted AS (
       INSERT INTO consolidation_conflicts (consolidation_id, person_id, candidates, chosen, reason)
       SELECT $1, c.person_id,
              json_agg(json_build_object('department', c.department, 'category', c.category, 'certifiedOn', c.certified_on)
                       ORDER BY c.rank, c.certified_on, c.department),
              c.chosen,
              CASE WHEN o.names IS NULL THEN '多个名单同为' || coalesce(wn.name, c.chosen) || '，按最早认定日期确定来源'
                   ELSE '待遇就高不重复：' || coalesce(wn.name, c.chosen) || ' 优先于 ' || o.names END
       FROM cand c
       LEFT JOIN others o USING (person_id)
       LEFT JOIN category_rank wn ON wn.category = c.chosen
       GROUP BY c.person_id, c.chosen, wn.name, o.names
       RETURNING 1)
     SELECT count(*)::int AS n FROM inserted`,
    [consolidationId],
  );
  return row!.n;
}

export async function insertConsolidation(tx: BulkTx, c: { month: string; policyVersionId: number | null; runBy: string | null }): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO consolidations (month, policy_version_id, persons, by_category, conflicts, added, removed, changed, run_by)
     VALUES ($1, $2, 0, '{}'::jsonb, 0, 0, 0, 0, $3) RETURNING id`,
    [c.month, c.policyVersionId, c.runBy],
  );
  return row!.id;
}

export type CategoryChanges = { added: number; removed: number; changed: number };

/**
 * Closes and opens person_categories rows so they match the winners from
 * `monthStart` on — of everyone, or (incremental) of the affected people,
 * whose open rows alone are compared.
 */
export async function applyWinners(
  tx: BulkTx,
  a: { month: string; monthStart: string; prevDay: string; consolidationId: number; incremental: boolean },
): Promise<CategoryChanges & { recomputed: number }> {
  // Incremental: each affected person's rows looked up by the person index, the open one kept
  // outside the subquery (OFFSET 0 keeps both the lookup a nested loop and `to_date IS NULL` out of
  // it: inside, a table without statistics — autovacuum off, or not yet run after month 1 — was
  // planned as a BitmapAnd with the open-rows index, all 941,000 of them read per person). As a
  // join, PostgreSQL hashed all 941,000 open rows for 19,000 people (1.6 s of a 1,000,000-row
  // steady month's 14 s consolidation at load 10, EXPLAIN ANALYZE).
  const open = a.incremental
    ? `SELECT pc.* FROM consolidation_affected x CROSS JOIN LATERAL (
         SELECT * FROM person_categories c WHERE c.person_id = x.person_id OFFSET 0) pc
       WHERE pc.to_date IS NULL`
    : "SELECT * FROM person_categories WHERE to_date IS NULL";
  await tx.query(`CREATE TEMP TABLE category_diff ON COMMIT DROP AS
     SELECT coalesce(w.person_id, o.person_id) AS person_id, w.category AS new_category, w.department, o.id AS open_id, o.category AS old_category
     FROM consolidation_winners w FULL JOIN (${open}) o ON o.person_id = w.person_id`);
  await tx.query("ANALYZE category_diff");
  // A merge join walked the whole primary key of person_categories to close a few
  // thousand rows (12.9 s of a 1,000,000-row steady month at load 20): by index instead.
  if (a.incremental) await tx.query("SET LOCAL enable_mergejoin = off");
  await tx.query(
    `UPDATE person_categories p SET to_date = $1::date FROM category_diff d
     WHERE p.id = d.open_id AND (d.new_category IS NULL OR d.new_category <> d.old_category)`,
    [a.prevDay],
  );
  if (a.incremental) await tx.query("SET LOCAL enable_mergejoin = on");
  await tx.query(
    `INSERT INTO person_categories (person_id, category, from_date, source, consolidation_id)
     SELECT person_id, new_category, $1::date, department || ' ' || $2, $3 FROM category_diff
     WHERE new_category IS NOT NULL AND (old_category IS NULL OR old_category <> new_category)
     ORDER BY person_id`,
    [a.monthStart, a.month, a.consolidationId],
  );
  // recomputed: everyone compared — in an incremental run only the people whose rolls changed.
  const [c] = await tx.query<CategoryChanges & { recomputed: number }>(`
    SELECT count(*) FILTER (WHERE old_category IS NULL AND new_category IS NOT NULL)::int AS added,
           count(*) FILTER (WHERE new_category IS NULL)::int AS removed,
           count(*) FILTER (WHERE old_category <> new_category)::int AS changed,
           count(*)::int AS recomputed
    FROM category_diff`);
  return c!;
}

/** How many winners per category: of everyone (a full run's totals), or an incremental run's change to the previous totals. */
export async function winnerCounts(tx: BulkTx, incremental: boolean): Promise<Record<string, number>> {
  const rows = incremental
    ? await tx.query<{ category: string; n: number }>(`
        SELECT category, sum(n)::int AS n FROM (
          SELECT new_category AS category, 1 AS n FROM category_diff WHERE new_category IS NOT NULL AND new_category IS DISTINCT FROM old_category
          UNION ALL
          SELECT old_category, -1 FROM category_diff WHERE old_category IS NOT NULL AND old_category IS DISTINCT FROM new_category) d
        GROUP BY category ORDER BY category`)
    : await tx.query<{ category: string; n: number }>("SELECT category, count(*)::int AS n FROM consolidation_winners GROUP BY category ORDER BY category");
  return Object.fromEntries(rows.map((r) => [r.category, r.n]));
}

export async function finishConsolidation(
  tx: BulkTx,
  c: { id: number; persons: number; byCategory: Record<string, number>; conflicts: number; recomputed: number } & CategoryChanges,
): Promise<void> {
  await tx.query(
    "UPDATE consolidations SET persons = $1, by_category = $2::jsonb, added = $3, removed = $4, changed = $5, conflicts = $6, recomputed = $7 WHERE id = $8",
    [c.persons, JSON.stringify(c.byCategory), c.added, c.removed, c.changed, c.conflicts, c.recomputed, c.id],
  );
}
