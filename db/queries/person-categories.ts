import { and, asc, eq, gte, isNull, lte, or } from "drizzle-orm";
import { personCategories, type PersonCategoryRow } from "../schema";
import type { Db, Tx } from "../client";

/**
 * The person's consolidated category on a date (YYYY-MM-DD), or null when they
 * hold none. Used by subsidy (the day the contribution is paid) and by
 * settlement (the claim date).
 */
export async function categoryOn(db: Db | Tx, personId: string, date: string): Promise<PersonCategoryRow | null> {
  const [row] = await db
    .select()
    .from(personCategories)
    .where(
      and(
        eq(personCategories.personId, personId),
        lte(personCategories.fromDate, date),
        or(isNull(personCategories.toDate), gte(personCategories.toDate, date)),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The whole category history of a person, oldest first. */
export async function categoryHistory(db: Db | Tx, personId: string): Promise<PersonCategoryRow[]> {
  return db.select().from(personCategories).where(eq(personCategories.personId, personId)).orderBy(asc(personCategories.fromDate));
}
