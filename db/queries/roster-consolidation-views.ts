import { and, asc, desc, eq, gte, isNotNull, isNull, like, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { consolidationConflicts, consolidations, divisions, people, personCategories, policyVersions, users } from "../schema";
import type { Db, Tx } from "../client";
import { townshipNameOf } from "./division-names";
import { pageOf } from "./page";
import { withIdNumbers } from "./people-ids";

// What the consolidation pages read. The lists of a month compare the
// consolidated categories in force on the month's first day with those in
// force on the day before: that is "against the previous month" whatever runs
// happened in between. Every people list takes the reader's jurisdiction prefix.

const bjMinute = (expr: SQL) => sql<string>`to_char((${expr}) at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`;

/** Past runs, newest first, with who ran them and under which policy version. */
export async function listConsolidationRuns(db: Db | Tx, limit: number) {
  return db
    .select({
      id: consolidations.id,
      month: consolidations.month,
      persons: consolidations.persons,
      byCategory: consolidations.byCategory,
      conflicts: consolidations.conflicts,
      added: consolidations.added,
      removed: consolidations.removed,
      changed: consolidations.changed,
      runAt: bjMinute(sql`${consolidations.runAt}`),
      runBy: users.displayName,
      policyName: policyVersions.name,
      policyVersion: policyVersions.version,
    })
    .from(consolidations)
    .leftJoin(users, eq(users.id, consolidations.runBy))
    .leftJoin(policyVersions, eq(policyVersions.id, consolidations.policyVersionId))
    .orderBy(desc(consolidations.id))
    .limit(limit);
}

/** The latest run of a month, or undefined when the month was never consolidated. */
export async function latestRunOfMonth(db: Db | Tx, month: string) {
  const [row] = await db
    .select({
      id: consolidations.id,
      month: consolidations.month,
      persons: consolidations.persons,
      byCategory: consolidations.byCategory,
      conflicts: consolidations.conflicts,
      runAt: bjMinute(sql`${consolidations.runAt}`),
      runBy: users.displayName,
      policyName: policyVersions.name,
      policyVersion: policyVersions.version,
    })
    .from(consolidations)
    .leftJoin(users, eq(users.id, consolidations.runBy))
    .leftJoin(policyVersions, eq(policyVersions.id, consolidations.policyVersionId))
    .where(eq(consolidations.month, month))
    .orderBy(desc(consolidations.id))
    .limit(1);
  return row;
}

export type MonthListKind = "added" | "removed" | "changed" | "persons";

export type MonthListQuery = {
  kind: MonthListKind;
  monthStart: string;
  prevDay: string;
  scopePrefix: string;
  category?: string;
  limit: number;
  offset: number;
};

function monthSets(db: Db | Tx, monthStart: string, prevDay: string) {
  const validOn = (date: string) =>
    and(lte(personCategories.fromDate, date), or(isNull(personCategories.toDate), gte(personCategories.toDate, date)));
  const pick = { personId: personCategories.personId, category: personCategories.category, source: personCategories.source };
  return {
    cur: db.select(pick).from(personCategories).where(validOn(monthStart)).as("cur"),
    prev: db.select(pick).from(personCategories).where(validOn(prevDay)).as("prev"),
  };
}

/** How many people each list of the month holds, within the jurisdiction. */
export async function monthListCounts(db: Db | Tx, q: { monthStart: string; prevDay: string; scopePrefix: string }) {
  const { cur, prev } = monthSets(db, q.monthStart, q.prevDay);
  const [row] = await db
    .select({
      added: sql<number>`(count(*) filter (where ${cur.personId} is not null and ${prev.personId} is null))::int`,
      removed: sql<number>`(count(*) filter (where ${cur.personId} is null and ${prev.personId} is not null))::int`,
      changed: sql<number>`(count(*) filter (where ${cur.category} <> ${prev.category}))::int`,
      persons: sql<number>`(count(*) filter (where ${cur.personId} is not null))::int`,
    })
    .from(people)
    .leftJoin(cur, eq(cur.personId, people.id))
    .leftJoin(prev, eq(prev.personId, people.id))
    .where(and(like(people.divisionCode, `${q.scopePrefix}%`), or(isNotNull(cur.personId), isNotNull(prev.personId))));
  return row ?? { added: 0, removed: 0, changed: 0, persons: 0 };
}

/** People of one list of the month (masked by the caller), ordered by village and name. */
export async function monthList(db: Db | Tx, q: MonthListQuery) {
  const { cur, prev } = monthSets(db, q.monthStart, q.prevDay);
  const kindFilter: Record<MonthListKind, SQL | undefined> = {
    added: and(isNotNull(cur.personId), isNull(prev.personId)),
    removed: and(isNull(cur.personId), isNotNull(prev.personId)),
    changed: and(isNotNull(cur.personId), isNotNull(prev.personId), ne(cur.category, prev.category)),
    persons: isNotNull(cur.personId),
  };
  const where = and(
    like(people.divisionCode, `${q.scopePrefix}%`),
    kindFilter[q.kind],
    q.category ? or(eq(cur.category, q.category), and(isNull(cur.personId), eq(prev.category, q.category))) : undefined,
  );
  const rows = await db
    .select({
      personId: people.id,
      idSealed: people.idSealed,
      name: people.name,
      divisionCode: people.divisionCode,
      divisionName: divisions.name,
      townshipName: townshipNameOf(people.divisionCode),
      before: prev.category,
      after: cur.category,
      source: sql<string | null>`coalesce(${cur.source}, ${prev.source})`,
    })
    .from(people)
    .leftJoin(cur, eq(cur.personId, people.id))
    .leftJoin(prev, eq(prev.personId, people.id))
    .leftJoin(divisions, and(eq(divisions.code, people.divisionCode), isNull(divisions.validTo)))
    .where(where)
    .orderBy(asc(people.divisionCode), asc(people.name), asc(people.id))
    .limit(q.limit + 1)
    .offset(q.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(people)
    .leftJoin(cur, eq(cur.personId, people.id))
    .leftJoin(prev, eq(prev.personId, people.id))
    .where(where);
  const page = pageOf(rows, q.limit);
  return { ...page, rows: withIdNumbers(page.rows), total: count?.n ?? 0 };
}

/** The conflicts (people on several lists) of one run, within the reader's jurisdiction. */
export async function runConflicts(db: Db | Tx, q: { consolidationId: number; scopePrefix: string; limit: number; offset: number }) {
  const where = and(eq(consolidationConflicts.consolidationId, q.consolidationId), like(people.divisionCode, `${q.scopePrefix}%`));
  const rows = await db
    .select({
      personId: people.id,
      idSealed: people.idSealed,
      name: people.name,
      divisionCode: people.divisionCode,
      divisionName: divisions.name,
      townshipName: townshipNameOf(people.divisionCode),
      candidates: consolidationConflicts.candidates,
      chosen: consolidationConflicts.chosen,
      reason: consolidationConflicts.reason,
    })
    .from(consolidationConflicts)
    .innerJoin(people, eq(people.id, consolidationConflicts.personId))
    .leftJoin(divisions, and(eq(divisions.code, people.divisionCode), isNull(divisions.validTo)))
    .where(where)
    .orderBy(asc(people.divisionCode), asc(people.name), asc(people.id))
    .limit(q.limit + 1)
    .offset(q.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(consolidationConflicts)
    .innerJoin(people, eq(people.id, consolidationConflicts.personId))
    .where(where);
  const page = pageOf(rows, q.limit);
  return { ...page, rows: withIdNumbers(page.rows), total: count?.n ?? 0 };
}

/** People per consolidated category on a day, within the jurisdiction. */
export async function monthCategoryCounts(db: Db | Tx, q: { monthStart: string; scopePrefix: string }): Promise<Record<string, number>> {
  const rows = await db
    .select({ category: personCategories.category, n: sql<number>`count(*)::int` })
    .from(personCategories)
    .innerJoin(people, eq(people.id, personCategories.personId))
    .where(
      and(
        like(people.divisionCode, `${q.scopePrefix}%`),
        lte(personCategories.fromDate, q.monthStart),
        or(isNull(personCategories.toDate), gte(personCategories.toDate, q.monthStart)),
      ),
    )
    .groupBy(personCategories.category);
  return Object.fromEntries(rows.map((r) => [r.category, r.n]));
}
