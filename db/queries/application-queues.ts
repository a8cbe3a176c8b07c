import { and, asc, desc, eq, inArray, like, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { applicationDocuments, applications, people } from "../schema";
import { currentDivisionName, townshipNameOf } from "./division-names";
import { pageOf } from "./page";
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
  if (f.scopePrefix) where.push(like(applications.townshipCode, `${f.scopePrefix}%`));
  return and(...where)!;
}

/** One page of the queue, with one row more than asked (hasMore). */
export async function listApplicationQueue(db: Db | Tx, f: QueueFilter) {
  const rows = await db
    .select({
      id: applications.id,
      caseNo: applications.caseNo,
      state: applications.state,
      version: applications.version,
      townshipCode: applications.townshipCode,
      acceptedOn: applications.acceptedOn,
      urgent: applications.urgent,
      dueOn: applications.dueOn,
      clockStep: applications.clockStep,
      clockStartedOn: applications.clockStartedOn,
      clockUsedBefore: applications.clockUsedBefore,
      clockPausedOn: applications.clockPausedOn,
      personName: people.name,
      idSealed: people.idSealed,
      personDivision: people.divisionCode,
      villageName: currentDivisionName(people.divisionCode),
      townshipName: townshipNameOf(people.divisionCode),
      missing: sql<number>`(SELECT count(*)::int FROM ${applicationDocuments} d WHERE d.application_id = ${applications.id} AND d.status = 'missing')`,
    })
    .from(applications)
    .innerJoin(people, eq(people.id, applications.personId))
    .where(whereOf(f))
    .orderBy(desc(applications.urgent), sql`${applications.dueOn} ASC NULLS LAST`, asc(applications.acceptedOn), asc(applications.id))
    .limit(f.limit + 1)
    .offset(f.offset);
  const page = pageOf(rows, f.limit);
  return { ...page, rows: withIdNumbers(page.rows).map((r) => ({ ...r, missing: Number(r.missing) })) };
}

/** How many cases the queue holds, how many past their due date on `today`, how many urgent. */
export async function countApplicationQueue(db: Db | Tx, f: Pick<QueueFilter, "scopePrefix" | "township" | "states">, today: string) {
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
