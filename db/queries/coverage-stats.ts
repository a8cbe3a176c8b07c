import { and, desc, eq, gte, isNull, lte, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { people, personCategories } from "../schema";
import { childOf, keptTable, rowsOf, underPrefix } from "./stats-rows";

// Enrolment of the assisted population on a date (`stats coverage`,
// docs/cli.md), grouped by the child division the person lies in and by
// category. The caller sums the groups into the parent's figures, so the
// children always add up to the parent.
//
// coverageGroups reads the kept steps (stats_coverage_step, migration
// 0025_stats_preaggregates): each person's +1 / −1 where a category (and an
// enrolment for that year) begins or ends, summed per village by the triggers
// on person_categories, enrolments and people in the writing transaction. The
// figure on D is Σ steps dated ≤ D — a few thousand rows for a county, not
// its people (a county's figure reads the township rollup, migration 0029).
// coverageGroupsRaw is the same figure computed from the raw
// tables: the definition, and the oracle of the consistency test
// (tests/integration/stats-preaggregate.test.ts).

export type CoverageGroup = { child: string; category: string; assisted: number; enrolled: number };

export async function coverageGroups(db: Db | Tx, prefix: string, childDigits: number, on: string): Promise<CoverageGroup[]> {
  const child = childOf("division_code", childDigits);
  const result = await db.execute(sql`
    SELECT ${child} AS child, category, sum(assisted)::int AS assisted, sum(enrolled)::int AS enrolled
    FROM ${keptTable("stats_coverage_step", childDigits)}
    WHERE ${underPrefix("division_code", prefix)} AND on_date <= ${on}::date
    GROUP BY 1, 2
    HAVING sum(assisted) <> 0
    ORDER BY 1, 2
  `);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({ child: String(r.child), category: String(r.category), assisted: Number(r.assisted), enrolled: Number(r.enrolled) }));
}

// The raw computation. One grouped scan: the people of the division holding a
// consolidated category on the date (one row each — the category valid that
// day, so a person who changed category counts once), whether each is
// enrolled for the date's year, grouped by the child division the person lies
// in and by category. The caller sums the groups into the parent's figures,
// so the children always add up to the parent.

/**
 * `prefix`: the division's significant prefix ("430524"); `childDigits`: how
 * many leading digits name a child division (9 for a county's townships, 12
 * for a township's villages, the prefix's own length when there are none).
 */
export async function coverageGroupsRaw(db: Db | Tx, prefix: string, childDigits: number, on: string): Promise<CoverageGroup[]> {
  if (!Number.isInteger(childDigits) || childDigits < 2 || childDigits > 12) throw new Error(`childDigits out of range: ${childDigits}`);
  const year = Number(on.slice(0, 4));
  const assisted = db.$with("assisted").as(
    db
      .selectDistinctOn([personCategories.personId], {
        personId: personCategories.personId,
        category: personCategories.category,
        divisionCode: people.divisionCode,
      })
      .from(personCategories)
      .innerJoin(people, eq(people.id, personCategories.personId))
      .where(
        and(
          // A range, not LIKE 'prefix%': under the C.UTF-8 collation only the range is an index condition (stats-rows.ts).
          underPrefix("people.division_code", prefix),
          lte(personCategories.fromDate, on),
          or(isNull(personCategories.toDate), gte(personCategories.toDate, on)),
        ),
      )
      .orderBy(personCategories.personId, desc(personCategories.fromDate), desc(personCategories.id)),
  );
  // childDigits is a checked integer: inlined so that SELECT and GROUP BY are the same expression.
  const child = sql<string>`rpad(substr(${assisted.divisionCode}, 1, ${sql.raw(String(childDigits))}), 12, '0')`;
  const rows = await db
    .with(assisted)
    .select({
      child,
      category: assisted.category,
      assisted: sql<number>`count(*)::int`,
      // Qualified by hand: drizzle renders a CTE column unqualified, which inside this subquery would mean e.person_id.
      enrolled: sql<number>`(count(*) FILTER (WHERE EXISTS (SELECT 1 FROM enrolments e WHERE e.person_id = "assisted"."person_id" AND e.year = ${year})))::int`,
    })
    .from(assisted)
    .groupBy(child, assisted.category)
    .orderBy(child, assisted.category);
  return rows.map((r) => ({ ...r, assisted: Number(r.assisted), enrolled: Number(r.enrolled) }));
}
