import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { applicationDocuments, applications, people } from "../schema";
import { currentDivisionName, townshipNameOf } from "./division-names";
import { pageOf } from "./page";
import { underPrefix } from "./stats-rows";
import { withIdNumbers } from "./people-ids";

// The work queues of on-application cases: cases under a division prefix in
// a set of states, urgent first, then by due date (a paused case, with no due
// date, last). Plain filters on indexed columns — `applications_township_queue`
// (township_code, state, urgent, due_on) when one township is asked for,
// `applications_state_queue` (state, urgent, due_on) for a county — so the
// timeliness bench and the API can reuse them as they are.

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

function whereOf(f: Pick<QueueFilter, "scopePrefix" | "township" | "states">): SQL {
  const where: SQL[] = [inArray(applications.state, [...f.states])];
  if (f.township) where.push(eq(applications.townshipCode, f.township));
  // As a range too (underPrefix): a bare LIKE 'prefix%' is no index condition under C.UTF-8, and the
  // queue read every township's cases in the states before filtering (the bench's township queue, 18× its bare query).
  if (f.scopePrefix) where.push(underPrefix(`"applications"."township_code"`, f.scopePrefix));
  return and(...where)!;
}

export type QueueCounts = { total: number; overdue: number; urgent: number };

/**
 * One page of the queue, with one row more than asked (hasMore), and the
 * queue's counts (total, overdue on `today`, urgent) in the same round trip:
 * the counts are window aggregates over every matching case, computed before
 * the LIMIT. The cases are ordered and cut to the page first, on the
 * applications table alone (its queue indexes); only the page's rows are then
 * joined to people and the division names, and only their IDs opened.
 * A page past the end has no row to carry the counts: they are then counted
 * apart (null here, the caller asks countApplicationQueue).
 */
export async function listApplicationQueue(db: Db | Tx, f: QueueFilter, today: string) {
  const page = db
    .select({
      id: applications.id,
      caseNo: applications.caseNo,
      state: applications.state,
      version: applications.version,
      personId: applications.personId,
      townshipCode: applications.townshipCode,
      acceptedOn: applications.acceptedOn,
      urgent: applications.urgent,
      dueOn: applications.dueOn,
      clockStep: applications.clockStep,
      clockStartedOn: applications.clockStartedOn,
      clockUsedBefore: applications.clockUsedBefore,
      clockPausedOn: applications.clockPausedOn,
      total: sql<number>`(count(*) OVER ())::int`.as("q_total"),
      overdue: sql<number>`(count(*) FILTER (WHERE ${applications.dueOn} < ${today}::date) OVER ())::int`.as("q_overdue"),
      urgentCount: sql<number>`(count(*) FILTER (WHERE ${applications.urgent}) OVER ())::int`.as("q_urgent"),
    })
    .from(applications)
    .where(whereOf(f))
    .orderBy(desc(applications.urgent), sql`${applications.dueOn} ASC NULLS LAST`, asc(applications.acceptedOn), asc(applications.id))
    .limit(f.limit + 1)
    .offset(f.offset)
    .as("page");
  const rows = await db
    .select({
      id: page.id,
      caseNo: page.caseNo,
      state: page.state,
      version: page.version,
      townshipCode: page.townshipCode,
      acceptedOn: page.acceptedOn,
      urgent: page.urgent,
      dueOn: page.dueOn,
      clockStep: page.clockStep,
      clockStartedOn: page.clockStartedOn,
      clockUsedBefore: page.clockUsedBefore,
      clockPausedOn: page.clockPausedOn,
      total: page.total,
      overdue: page.overdue,
      urgentCount: page.urgentCount,
      personName: people.name,
      idSealed: people.idSealed,
      personDivision: people.divisionCode,
      villageName: currentDivisionName(people.divisionCode),
      townshipName: townshipNameOf(people.divisionCode),
      missing: sql<number>`(SELECT count(*)::int FROM ${applicationDocuments} d WHERE d.application_id = ${page.id} AND d.status = 'missing')`,
    })
    .from(page)
    .innerJoin(people, eq(people.id, page.personId))
    .orderBy(desc(page.urgent), sql`${page.dueOn} ASC NULLS LAST`, asc(page.acceptedOn), asc(page.id));
  const first = rows[0];
  const counts: QueueCounts | null = first
    ? { total: Number(first.total), overdue: Number(first.overdue), urgent: Number(first.urgentCount) }
    : f.offset === 0
      ? { total: 0, overdue: 0, urgent: 0 }
      : null;
  const cut = pageOf(rows.map(({ total: _t, overdue: _o, urgentCount: _u, ...r }) => r), f.limit);
  return { ...cut, counts, rows: withIdNumbers(cut.rows).map((r) => ({ ...r, missing: Number(r.missing) })) };
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
