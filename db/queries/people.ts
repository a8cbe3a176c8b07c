import { and, asc, eq, ilike, like, sql, type SQL } from "drizzle-orm";
import { people, personCategories } from "../schema";
import type { Db, Tx } from "../client";
import { currentDivisionName, townshipNameOf } from "./division-names";
import { pageOf } from "./page";
import { idHashOf, openPerson, withIdNumbers, type Person } from "./people-ids";

// Every people query takes the caller's jurisdiction prefix: a forgotten check
// returns nothing instead of leaking (docs/architecture.md, documenso's buildTeamWhereQuery).

/**
 * `idNumber`: a full ID, found through the blind index (parts of IDs cannot be searched).
 * `category`: people whose consolidated category on `on` (YYYY-MM-DD) is this one.
 */
export type PeopleFilter = {
  scopePrefix: string;
  divisionPrefix?: string;
  name?: string;
  idNumber?: string;
  category?: string;
  /** The day the category is read for; default today in Beijing. */
  on?: string;
  limit: number;
  offset: number;
};

// The consolidated category held on a day: at most one per person (consolidation closes the old one).
const categoryOn = (on: string | undefined) => {
  const day = on ? sql`${on}::date` : sql`(now() at time zone 'Asia/Shanghai')::date`;
  return sql`${personCategories.personId} = ${people.id} and ${personCategories.fromDate} <= ${day} and (${personCategories.toDate} is null or ${personCategories.toDate} >= ${day})`;
};

export async function listPeopleWithin(db: Db, f: PeopleFilter) {
  const where: SQL[] = [like(people.divisionCode, `${f.scopePrefix}%`)];
  if (f.divisionPrefix) where.push(like(people.divisionCode, `${f.divisionPrefix}%`));
  if (f.idNumber) where.push(eq(people.idHash, idHashOf(f.idNumber)));
  if (f.name) where.push(ilike(people.name, `%${f.name.replace(/[%_\\]/g, "\\$&")}%`));
  if (f.category) where.push(sql`exists (select 1 from ${personCategories} where ${categoryOn(f.on)} and ${personCategories.category} = ${f.category})`);
  const rows = await db
    .select({
      id: people.id,
      idSealed: people.idSealed,
      name: people.name,
      sex: people.sex,
      birthDate: people.birthDate,
      divisionCode: people.divisionCode,
      villageName: currentDivisionName(people.divisionCode),
      townshipName: townshipNameOf(people.divisionCode),
      category: sql<string | null>`(select ${personCategories.category} from ${personCategories} where ${categoryOn(f.on)} order by ${personCategories.fromDate} desc limit 1)`,
    })
    .from(people)
    .where(and(...where))
    .orderBy(asc(people.divisionCode), asc(people.name), asc(people.id))
    .limit(f.limit + 1)
    .offset(f.offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(people).where(and(...where));
  const page = pageOf(rows, f.limit);
  return { ...page, rows: withIdNumbers(page.rows), total: count?.n ?? 0 };
}

/** The person, whatever the jurisdiction: callers check `divisionCode` against the actor and audit a refusal. */
export async function findPersonById(db: Db | Tx, id: string): Promise<Person | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(people).where(eq(people.id, id)).limit(1);
  return row && openPerson(row);
}

export async function countPeople(db: Db | Tx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(people);
  return row?.n ?? 0;
}
