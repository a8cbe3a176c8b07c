import type { BulkTx } from "../bulk";

// The SQL of one month's consolidation (汇总比对): every person on any roll
// on the month's first day gets exactly one category — the best-ranked, ties
// by the earlier certification — compared against the open consolidated
// categories to record additions, removals and changes.

export async function lockConsolidation(tx: BulkTx): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('roster:consolidate'))");
}

export async function latestConsolidatedMonth(tx: BulkTx): Promise<string | null> {
  const [row] = await tx.query<{ month: string | null }>("SELECT max(month) AS month FROM consolidations");
  return row?.month ?? null;
}

/** A category as consolidation sees it: its place in the ranking (lower wins) and the name a clerk reads. */
export type RankedCategory = { category: string; rank: number; name: string };

/** Loads the ranking and computes the winners into a temp table `consolidation_winners`. */
export async function computeWinners(tx: BulkTx, categories: readonly RankedCategory[], monthStart: string): Promise<void> {
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

export type CategoryChanges = { added: number; removed: number; changed: number; persons: number; byCategory: Record<string, number> };

/** Closes and opens person_categories rows so they match the winners from `monthStart` on. */
export async function applyWinners(
  tx: BulkTx,
  a: { month: string; monthStart: string; prevDay: string; consolidationId: number },
): Promise<CategoryChanges> {
  await tx.query(`CREATE TEMP TABLE category_diff ON COMMIT DROP AS
     SELECT coalesce(w.person_id, o.person_id) AS person_id, w.category AS new_category, w.department, o.id AS open_id, o.category AS old_category
     FROM consolidation_winners w FULL JOIN (SELECT * FROM person_categories WHERE to_date IS NULL) o ON o.person_id = w.person_id`);
  await tx.query("ANALYZE category_diff");
  await tx.query(
    `UPDATE person_categories p SET to_date = $1::date FROM category_diff d
     WHERE p.id = d.open_id AND (d.new_category IS NULL OR d.new_category <> d.old_category)`,
    [a.prevDay],
  );
  await tx.query(
    `INSERT INTO person_categories (person_id, category, from_date, source, consolidation_id)
     SELECT person_id, new_category, $1::date, department || ' ' || $2, $3 FROM category_diff
     WHERE new_category IS NOT NULL AND (old_category IS NULL OR old_category <> new_category)
     ORDER BY person_id`,
    [a.monthStart, a.month, a.consolidationId],
  );
  const [c] = await tx.query<{ added: number; removed: number; changed: number; persons: number }>(`
    SELECT count(*) FILTER (WHERE old_category IS NULL AND new_category IS NOT NULL)::int AS added,
           count(*) FILTER (WHERE new_category IS NULL)::int AS removed,
           count(*) FILTER (WHERE old_category <> new_category)::int AS changed,
           count(*) FILTER (WHERE new_category IS NOT NULL)::int AS persons
    FROM category_diff`);
  const byCat = await tx.query<{ category: string; n: number }>("SELECT category, count(*)::int AS n FROM consolidation_winners GROUP BY category ORDER BY category");
  const byCategory = Object.fromEntries(byCat.map((r) => [r.category, r.n]));
  await tx.query(
    "UPDATE consolidations SET persons = $1, by_category = $2::jsonb, added = $3, removed = $4, changed = $5 WHERE id = $6",
    [c!.persons, JSON.stringify(byCategory), c!.added, c!.removed, c!.changed, a.consolidationId],
  );
  return { ...c!, byCategory };
}
