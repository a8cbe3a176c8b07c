import { and, desc, eq, gte, isNull, like, lte, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { people, personCategories } from "../schema";

// Enrolment of the assisted population on a date (`stats coverage`,
// docs/cli.md). One grouped scan: the people of the division holding a
// consolidated category on the date (one row each — the category valid that
// day, so a person who changed category counts once), whether each is
// enrolled for the date's year, grouped by the child division the person lies
// in and by category. The caller sums the groups into the parent's figures,
// so the children always add up to the parent.

export type CoverageGroup = { child: string; category: string; assisted: number; enrolled: number };

/**
 * `prefix`: the division's significant prefix ("430524"); `childDigits`: how
 * many leading digits name a child division (9 for a county's townships, 12
 * for a township's villages, the prefix's own length when there are none).
 */
export async function coverageGroups(db: Db | Tx, prefix: string, childDigits: number, on: string): Promise<CoverageGroup[]> {
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
          like(people.divisionCode, `${prefix}%`),
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
