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

/** Loads the ranking and computes the winners into a temp table `consolidation_winners`. */
export async function computeWinners(tx: BulkTx, ranking: readonly (readonly string[])[], monthStart: string): Promise<void> {
  await tx.query("CREATE TEMP TABLE category_rank (category text PRIMARY KEY, rank int NOT NULL) ON COMMIT DROP");
  const pairs = ranking.flatMap((tier, i) => tier.map((c) => [c, String(i)]));
  if (pairs.length > 0) await tx.copyRows("category_rank", ["category", "rank"], pairs);
  await tx.query(
    `CREATE TEMP TABLE consolidation_candidates ON COMMIT DROP AS
     SELECT m.person_id, m.department, m.category, m.certified_on, coalesce(r.rank, 1000) AS rank
     FROM department_memberships m LEFT JOIN category_rank r ON r.category = m.category
     WHERE m.from_date <= $1::date AND (m.to_date IS NULL OR m.to_date >= $1::date)`,
    [monthStart],
  );
  await tx.query(`CREATE TEMP TABLE consolidation_winners ON COMMIT DROP AS
     SELECT DISTINCT ON (person_id) person_id, category, department, certified_on
     FROM consolidation_candidates ORDER BY person_id, rank, certified_on, department`);
}

/** People on more than one list (or with more than one category), with all candidates. */
export async function conflicts(tx: BulkTx) {
  return tx.query<{ person_id: string; candidates: { department: string; category: string; certifiedOn: string }[]; chosen: string }>(
    `WITH multi AS (SELECT person_id FROM consolidation_candidates GROUP BY person_id HAVING count(*) > 1)
     SELECT c.person_id, w.category AS chosen,
            json_agg(json_build_object('department', c.department, 'category', c.category, 'certifiedOn', c.certified_on) ORDER BY c.rank, c.certified_on) AS candidates
     FROM multi JOIN consolidation_candidates c USING (person_id) JOIN consolidation_winners w USING (person_id)
     GROUP BY c.person_id, w.category`,
  );
}

export async function insertConsolidation(tx: BulkTx, c: { month: string; policyVersionId: number | null; runBy: string | null }): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO consolidations (month, policy_version_id, persons, by_category, conflicts, added, removed, changed, run_by)
     VALUES ($1, $2, 0, '{}'::jsonb, 0, 0, 0, 0, $3) RETURNING id`,
    [c.month, c.policyVersionId, c.runBy],
  );
  return row!.id;
}

export async function insertConflicts(tx: BulkTx, consolidationId: number, rows: { personId: string; candidates: unknown; chosen: string; reason: string }[]) {
  for (let i = 0; i < rows.length; i += 2000) {
    await tx.copyRows(
      "consolidation_conflicts",
      ["consolidation_id", "person_id", "candidates", "chosen", "reason"],
      rows.slice(i, i + 2000).map((r) => [String(consolidationId), r.personId, JSON.stringify(r.candidates), r.chosen, r.reason]),
    );
  }
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
  await tx.query(
    `UPDATE person_categories p SET to_date = $1::date FROM category_diff d
     WHERE p.id = d.open_id AND (d.new_category IS NULL OR d.new_category <> d.old_category)`,
    [a.prevDay],
  );
  await tx.query(
    `INSERT INTO person_categories (person_id, category, from_date, source, consolidation_id)
     SELECT person_id, new_category, $1::date, department || ' ' || $2, $3 FROM category_diff
     WHERE new_category IS NOT NULL AND (old_category IS NULL OR old_category <> new_category)`,
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
