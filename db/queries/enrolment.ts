import { and, desc, eq, gte, isNull, like, lte, ne, or, sql } from "drizzle-orm";
import { enrolments, people, personCategories, policyVersions, subsidies } from "../schema";
import type { Db } from "../client";
import { byIdNumber, withIdNumbers } from "./people-ids";

/** A person's enrolments by year, newest first, each with its subsidy (if any). */
export async function enrolmentsOfPerson(db: Db, personId: string) {
  return db
    .select({
      year: enrolments.year,
      tier: enrolments.tier,
      contribution: enrolments.contribution,
      paidOn: enrolments.paidOn,
      feeExempt: enrolments.feeExempt,
      category: subsidies.category,
      subsidy: subsidies.subsidy,
      personal: subsidies.personal,
      funding: subsidies.funding,
      policyName: policyVersions.name,
    })
    .from(enrolments)
    .leftJoin(subsidies, and(eq(subsidies.personId, enrolments.personId), eq(subsidies.year, enrolments.year)))
    .leftJoin(policyVersions, eq(policyVersions.id, subsidies.policyVersionId))
    .where(eq(enrolments.personId, personId))
    .orderBy(desc(enrolments.year));
}

/**
 * People in the scope holding a consolidated category (other than ordinary)
 * at some point between `from` and `to`, with the first day they held one in
 * that window: what the demo's enrolment file is drawn from.
 */
export async function categoryHolders(db: Db, a: { scopePrefix: string; from: string; to: string }) {
  return db
    .select({
      idSealed: people.idSealed,
      name: people.name,
      divisionCode: people.divisionCode,
      firstDay: sql<string>`greatest(min(${personCategories.fromDate}), ${a.from}::date)::text`,
      category: sql<string>`(array_agg(${personCategories.category} order by ${personCategories.fromDate}))[1]`,
    })
    .from(personCategories)
    .innerJoin(people, eq(people.id, personCategories.personId))
    .where(
      and(
        like(people.divisionCode, `${a.scopePrefix}%`),
        ne(personCategories.category, "ordinary"),
        lte(personCategories.fromDate, a.to),
        or(isNull(personCategories.toDate), gte(personCategories.toDate, a.from)),
      ),
    )
    .groupBy(people.id)
    .then((rows) => withIdNumbers(rows).sort(byIdNumber));
}

/** Residents in the scope who never held a category: ordinary payers in the demo file. */
export async function residentsWithoutCategory(db: Db, scopePrefix: string, limit: number) {
  return db
    .select({ idSealed: people.idSealed, name: people.name })
    .from(people)
    .where(and(like(people.divisionCode, `${scopePrefix}%`), sql`not exists (select 1 from ${personCategories} pc where pc.person_id = ${people.id})`))
    // In ID order, as the demo has always drawn them: sorted after opening (a sealed ID has no order).
    .then((rows) => withIdNumbers(rows).sort(byIdNumber).slice(0, limit));
}

/** Enrolments recorded for one year (the demo's current-year ledger step runs once). */
export async function countEnrolmentsOfYear(db: Db, year: number): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(enrolments).where(eq(enrolments.year, year));
  return row?.n ?? 0;
}

export async function countEnrolments(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(enrolments);
  return row?.n ?? 0;
}
