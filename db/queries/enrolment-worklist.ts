import { and, asc, eq, inArray, like, sql, type SQL } from "drizzle-orm";
import type { BulkTx } from "../bulk";
import { people, unenrolledCaseEvents, unenrolledCases, users } from "../schema";
import type { Db, Tx } from "../client";
import { currentDivisionName } from "./division-names";
import { pageOf } from "./page";
import { withIdNumbers } from "./people-ids";

// The 未参保 worklist ("销号"): one case per person and year, assigned to the
// township of the person's village. Every read takes the caller's scope
// prefix, so a township clerk's query cannot return another township's case.

/**
 * Opens a case for everyone in the scope who holds a consolidated category at
 * some point of the year and has no enrolment for it. Existing cases — open or
 * closed — are left as they are, so a closed case is never reopened.
 */
export async function openMissingCases(tx: BulkTx, a: { year: number; scopePrefix: string }): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO unenrolled_cases (person_id, year, township_code)
     SELECT p.id, $1, substr(p.division_code, 1, 9) || '000' FROM people p
     WHERE p.division_code LIKE $2 || '%'
       AND EXISTS (SELECT 1 FROM person_categories pc WHERE pc.person_id = p.id AND pc.category <> 'ordinary'
                   AND pc.from_date <= $4::date AND (pc.to_date IS NULL OR pc.to_date >= $3::date))
       AND NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.person_id = p.id AND e.year = $1)
     ON CONFLICT (person_id, year) DO NOTHING
     RETURNING id`,
    [a.year, a.scopePrefix, `${a.year}-01-01`, `${a.year}-12-31`],
  );
  return rows.length;
}

/** `village`: only the cases of people living in that village (村/社区, 12-digit code). */
export type CaseFilter = { year: number; scopePrefix: string; township?: string; village?: string; status?: "open" | "closed" };

function where(f: CaseFilter): SQL {
  const w: SQL[] = [eq(unenrolledCases.year, f.year), like(unenrolledCases.townshipCode, `${f.scopePrefix}%`)];
  if (f.township) w.push(eq(unenrolledCases.townshipCode, f.township));
  if (f.village) {
    // The case's township is the village's, so the township index still narrows the search.
    w.push(eq(unenrolledCases.townshipCode, `${f.village.slice(0, 9)}000`));
    w.push(sql`${unenrolledCases.personId} in (select ${people.id} from ${people} where ${people.divisionCode} = ${f.village})`);
  }
  if (f.status) w.push(eq(unenrolledCases.status, f.status));
  return and(...w)!;
}

const village = currentDivisionName(people.divisionCode);
const township = currentDivisionName(unenrolledCases.townshipCode);

export async function listCases(db: Db, f: CaseFilter & { limit: number; offset: number }) {
  const rows = await db
    .select({
      id: unenrolledCases.id,
      personId: people.id,
      name: people.name,
      idSealed: people.idSealed,
      villageName: sql<string | null>`${village}`,
      townshipCode: unenrolledCases.townshipCode,
      townshipName: sql<string | null>`${township}`,
      status: unenrolledCases.status,
      reason: unenrolledCases.reason,
      note: unenrolledCases.note,
      closedAt: unenrolledCases.closedAt,
    })
    .from(unenrolledCases)
    .innerJoin(people, eq(people.id, unenrolledCases.personId))
    .where(where(f))
    .orderBy(asc(unenrolledCases.townshipCode), asc(people.divisionCode), asc(people.name), asc(unenrolledCases.id))
    .limit(f.limit + 1)
    .offset(f.offset);
  const page = pageOf(rows, f.limit);
  return { ...page, rows: withIdNumbers(page.rows) };
}

/** Cases per township, status and reason. */
export async function countCases(db: Db, f: CaseFilter) {
  return db
    .select({
      townshipCode: unenrolledCases.townshipCode,
      townshipName: sql<string | null>`${township}`,
      status: unenrolledCases.status,
      reason: unenrolledCases.reason,
      n: sql<number>`count(*)::int`,
    })
    .from(unenrolledCases)
    .where(where({ ...f, status: undefined }))
    .groupBy(unenrolledCases.townshipCode, unenrolledCases.status, unenrolledCases.reason)
    .orderBy(asc(unenrolledCases.townshipCode));
}

/** The case, whatever the jurisdiction: the caller checks `townshipCode` against the actor. */
export async function findCase(db: Db | Tx, id: number) {
  const [row] = await db.select().from(unenrolledCases).where(eq(unenrolledCases.id, id)).limit(1);
  return row;
}

/** Closes an open case and records the 销号 in its history; returns false when it was already closed. */
export async function closeOpenCase(tx: Tx, id: number, c: { reason: NonNullable<typeof unenrolledCases.$inferSelect.reason>; note: string | null; closedBy: string | null }) {
  const rows = await tx
    .update(unenrolledCases)
    .set({ status: "closed", reason: c.reason, note: c.note, closedBy: c.closedBy, closedAt: new Date() })
    .where(and(eq(unenrolledCases.id, id), eq(unenrolledCases.status, "open")))
    .returning({ id: unenrolledCases.id });
  if (rows.length === 0) return false;
  await tx.insert(unenrolledCaseEvents).values({ caseId: id, kind: "closed", reason: c.reason, note: c.note, actorId: c.closedBy });
  return true;
}

/**
 * Reopens a closed case (back on the township's list) and records why; the
 * close it undoes stays in the history. Returns false when it was not closed.
 */
export async function reopenClosedCase(tx: Tx, id: number, r: { reason: string; reopenedBy: string | null }) {
  const rows = await tx
    .update(unenrolledCases)
    .set({ status: "open", reason: null, note: null, closedBy: null, closedAt: null })
    .where(and(eq(unenrolledCases.id, id), eq(unenrolledCases.status, "closed")))
    .returning({ id: unenrolledCases.id });
  if (rows.length === 0) return false;
  await tx.insert(unenrolledCaseEvents).values({ caseId: id, kind: "reopened", note: r.reason, actorId: r.reopenedBy });
  return true;
}

/** The history of some cases, oldest first, with who acted (null: the system, e.g. an enrolment import). */
export async function caseEvents(db: Db | Tx, caseIds: number[]) {
  if (caseIds.length === 0) return [];
  return db
    .select({
      caseId: unenrolledCaseEvents.caseId,
      kind: unenrolledCaseEvents.kind,
      reason: unenrolledCaseEvents.reason,
      note: unenrolledCaseEvents.note,
      actorName: users.displayName,
      at: sql<string>`to_char(${unenrolledCaseEvents.at} at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`,
    })
    .from(unenrolledCaseEvents)
    .leftJoin(users, eq(users.id, unenrolledCaseEvents.actorId))
    .where(inArray(unenrolledCaseEvents.caseId, caseIds))
    .orderBy(asc(unenrolledCaseEvents.at), asc(unenrolledCaseEvents.id));
}

/** A person's cases, newest year first (for the person page). */
export async function casesOfPerson(db: Db, personId: string) {
  return db.select().from(unenrolledCases).where(eq(unenrolledCases.personId, personId)).orderBy(sql`${unenrolledCases.year} desc`);
}

/** Open cases of a year, oldest first (for the demo's 销号). */
export async function openCases(db: Db, year: number) {
  return db
    .select({ id: unenrolledCases.id, townshipCode: unenrolledCases.townshipCode })
    .from(unenrolledCases)
    .where(and(eq(unenrolledCases.year, year), eq(unenrolledCases.status, "open")))
    .orderBy(asc(unenrolledCases.id));
}
