import { and, asc, desc, eq, inArray, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { applicationDocuments, applications, people } from "../schema";
import { holidayScheduleFingerprintSql } from "./calendar";
import { prefixBounds, underPrefix } from "./stats-rows";
import { idOpener } from "./people-ids";

// The work queues of on-application cases: cases under a division prefix in
// a set of states, urgent first, then by due date (a paused case, with no due
// date, last). The queue indexes hold every sort key and counted column, so
// the page is ordered, cut and counted by an index-only scan —
// `applications_township_queue` (township_code, state, urgent, due_on,
// accepted_on, id) for one township, by equality; `applications_state_queue`
// (state, township_code, …) for a county, by the state list and a
// township_code range — and only the page's rows are read from the table.

type State = (typeof applications.$inferSelect)["state"];

export type QueueFilter = {
  /** The caller's jurisdiction prefix (scopePrefix): never returns a case outside it. */
  scopePrefix: string;
  /** One township (12-digit code), or all within the prefix. */
  township?: string;
  states: readonly State[];
  limit: number;
  offset: number;
};

// A case's township_code is its township's 12-digit code (…000): under a township's (or a village's)
// prefix that is one code, asked by equality so that the township index is searched on (township_code,
// state) — a range over the township's codes read every state's cases of it (the bench: 10,004 index
// entries instead of 365).
function townshipOf(f: Pick<QueueFilter, "scopePrefix" | "township">): string | undefined {
  return f.township ?? (f.scopePrefix.length >= 9 ? `${f.scopePrefix.slice(0, 9)}000` : undefined);
}

function whereOf(f: Pick<QueueFilter, "scopePrefix" | "township" | "states">): SQL {
  const where: SQL[] = [inArray(applications.state, [...f.states])];
  const township = townshipOf(f);
  if (township) {
    where.push(eq(applications.townshipCode, township));
    // The prefix then decides here, not in SQL: the one code lies under it or nothing does. Asked in SQL
    // beside the equality, the prefix's range made the planner expect one row, and a cached plan of the
    // statement then read every case of the township by township_code alone (state a filter).
    if (!township.startsWith(f.scopePrefix)) where.push(sql`false`);
  } else if (f.scopePrefix) {
    // The prefix as a range (underPrefix): a bare LIKE 'prefix%' is no index condition under C.UTF-8.
    where.push(underPrefix(`"applications"."township_code"`, f.scopePrefix));
  }
  return and(...where)!;
}

export type QueueCounts = { total: number; overdue: number; urgent: number };

type Value<T> = T | Placeholder;

/** The page query: the page cut on the queue index, then its rows read and joined (see listApplicationQueue). */
function pageQuery(db: Db | Tx, where: SQL, today: Value<string>, limit: Value<number>, offset: Value<number>) {
  const page = db
    .select({
      id: applications.id,
      urgent: applications.urgent,
      dueOn: applications.dueOn,
      acceptedOn: applications.acceptedOn,
      total: sql<number>`(count(*) OVER ())::int`.as("q_total"),
      overdue: sql<number>`(count(*) FILTER (WHERE ${applications.dueOn} < ${today}::date) OVER ())::int`.as("q_overdue"),
      urgentCount: sql<number>`(count(*) FILTER (WHERE ${applications.urgent}) OVER ())::int`.as("q_urgent"),
    })
    .from(applications)
    .where(where)
    .orderBy(desc(applications.urgent), sql`${applications.dueOn} ASC NULLS LAST`, asc(applications.acceptedOn), asc(applications.id))
    .limit(limit)
    .offset(offset)
    .as("page");
  return db
    .select({
      id: applications.id,
      caseNo: applications.caseNo,
      state: applications.state,
      acceptedOn: applications.acceptedOn,
      urgent: applications.urgent,
      dueOn: applications.dueOn,
      clockStep: applications.clockStep,
      clockStartedOn: applications.clockStartedOn,
      clockUsedBefore: applications.clockUsedBefore,
      clockPausedOn: applications.clockPausedOn,
      total: page.total,
      overdue: page.overdue,
      urgentCount: page.urgentCount,
      personName: people.name,
      idSealed: people.idSealed,
      personDivision: people.divisionCode,
      missing: sql<number>`(SELECT count(*)::int FROM ${applicationDocuments} d WHERE d.application_id = ${applications.id} AND d.status = 'missing')`,
      // The working-day calendar's fingerprint (evaluated once per statement), so that the caller's
      // calendar cache is checked without a round trip of its own.
      calendar: holidayScheduleFingerprintSql(),
    })
    .from(page)
    .innerJoin(applications, eq(applications.id, page.id))
    .innerJoin(people, eq(people.id, applications.personId))
    .orderBy(desc(page.urgent), sql`${page.dueOn} ASC NULLS LAST`, asc(page.acceptedOn), asc(page.id));
}

// Both shapes of the page query — one township by equality (every clerk's queue, the township filter) and
// a prefix's range (a county's queue) — are built once per database handle, shape and number of states,
// with placeholders, and prepared: building the statement with drizzle was about 0.6 ms of CPU a request.
// The SQL text is the one drizzle builds with the values (they are $n parameters either way), so
// PostgreSQL sees the same statement, which postgres.js prepares per connection by its text; its plan
// choice (custom, then generic if no worse) is unchanged. PGlite ignores the name. The township is asked
// by equality: both queue indexes then search on (township_code, state) whatever plan is cached.
type PageShape = "township" | "range";
const preparedPages = new WeakMap<object, Map<string, ReturnType<typeof preparePage>>>();

function preparePage(db: Db | Tx, shape: PageShape, states: number) {
  const stateList = inArray(
    applications.state,
    Array.from({ length: states }, (_, i) => sql.placeholder(`s${i}`)),
  );
  const col = sql.raw(`"applications"."township_code"`);
  const where =
    shape === "township"
      ? and(stateList, eq(applications.townshipCode, sql.placeholder("township")))!
      : and(stateList, sql`(${col} >= ${sql.placeholder("lower")} AND ${col} < ${sql.placeholder("upper")} AND ${col} LIKE ${sql.placeholder("like")})`)!;
  return pageQuery(db, where, sql.placeholder("today"), sql.placeholder("limit"), sql.placeholder("offset")).prepare(`application_queue_${shape}_page`);
}

function preparedPage(db: Db | Tx, shape: PageShape, states: number) {
  let byKey = preparedPages.get(db);
  if (!byKey) preparedPages.set(db, (byKey = new Map()));
  const key = `${shape}:${states}`;
  let query = byKey.get(key);
  if (!query) byKey.set(key, (query = preparePage(db, shape, states)));
  return query;
}

/**
 * One page of the queue, with one row more than asked (hasMore), and the
 * queue's counts (total, overdue on `today`, urgent) in the same round trip:
 * the counts are window aggregates over every matching case, computed before
 * the LIMIT. The cases are ordered, counted and cut to the page on the queue
 * index alone (only the sort keys and counted columns); only the page's rows
 * are then read from applications and joined to people and the missing
 * items, and only their IDs opened (the place names are the caller's, from
 * currentDivisionNames).
 * A page past the end has no row to carry the counts: they are then counted
 * apart (null here, the caller asks countApplicationQueue).
 * `calendarFingerprint`: holidayScheduleFingerprint as of this read (null with no row), for
 * workingDayCalendarAt.
 */
export async function listApplicationQueue(db: Db | Tx, f: QueueFilter, today: string) {
  const township = townshipOf(f);
  const values = { today, limit: f.limit + 1, offset: f.offset, ...Object.fromEntries(f.states.map((s, i) => [`s${i}`, s])) };
  const rows = township
    ? township.startsWith(f.scopePrefix)
      ? await preparedPage(db, "township", f.states.length).execute({ ...values, township })
      : []
    : f.scopePrefix
      ? await preparedPage(db, "range", f.states.length).execute({ ...values, ...prefixBounds(f.scopePrefix) })
      : await pageQuery(db, whereOf(f), today, f.limit + 1, f.offset);
  const first = rows[0];
  const counts: QueueCounts | null = first
    ? { total: Number(first.total), overdue: Number(first.overdue), urgent: Number(first.urgentCount) }
    : f.offset === 0
      ? { total: 0, overdue: 0, urgent: 0 }
      : null;
  // The page's rows in one pass, each field named: three passes with object rest (`{ total, ...r }`, the
  // IDs, the missing count) copied every row three times: about an eighth of the request's CPU in the bench.
  const open = idOpener();
  const page = rows.length > f.limit ? rows.slice(0, f.limit) : rows;
  return {
    rows: page.map((r) => ({
      id: r.id,
      caseNo: r.caseNo,
      state: r.state,
      acceptedOn: r.acceptedOn,
      urgent: r.urgent,
      dueOn: r.dueOn,
      clockStep: r.clockStep,
      clockStartedOn: r.clockStartedOn,
      clockUsedBefore: r.clockUsedBefore,
      clockPausedOn: r.clockPausedOn,
      personName: r.personName,
      idNumber: open(r.idSealed),
      personDivision: r.personDivision,
      missing: Number(r.missing),
    })),
    hasMore: rows.length > f.limit,
    counts,
    calendarFingerprint: first?.calendar ?? null,
  };
}

/** How many cases the queue holds, how many past their due date on `today`, how many urgent. */
export async function countApplicationQueue(db: Db | Tx, f: Pick<QueueFilter, "scopePrefix" | "township" | "states">, today: string): Promise<QueueCounts> {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) FILTER (WHERE ${applications.dueOn} < ${today}::date))::int`,
      urgent: sql<number>`(count(*) FILTER (WHERE ${applications.urgent}))::int`,
    })
    .from(applications)
    .where(whereOf(f));
  return { total: Number(row?.total ?? 0), overdue: Number(row?.overdue ?? 0), urgent: Number(row?.urgent ?? 0) };
}
