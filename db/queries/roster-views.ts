import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import { consolidations, rosterSubmissions, users } from "../schema";
import type { Db, Tx } from "../client";
import { pageOf } from "./page";

// What the monthly board reads: who sent which month when, and when each month
// was consolidated. Times leave the database as Beijing wall-clock text, so
// neither driver's timestamp parsing nor the server's time zone can shift a
// day across midnight.

const bj = (expr: SQL, format: string) => sql<string>`to_char((${expr}) at time zone 'Asia/Shanghai', ${format})`;
const DAY = "YYYY-MM-DD";
const MINUTE = "YYYY-MM-DD HH24:MI";

export type MonthRange = { from: string; to: string; departments: readonly string[] };

/** One row per department × month with at least one accepted list. */
export async function submissionSummaries(db: Db | Tx, r: MonthRange) {
  const s = rosterSubmissions;
  return db
    .select({
      department: s.department,
      month: s.month,
      sends: sql<number>`count(*)::int`,
      firstOn: bj(sql`min(${s.submittedAt})`, DAY),
      firstAt: bj(sql`min(${s.submittedAt})`, MINUTE),
      lastAt: bj(sql`max(${s.submittedAt})`, MINUTE),
      // The latest list is the roll as the department now reports it: its
      // rows, additions and removals are shown together (never mixed with the
      // first send's time or a month's sum); the first send decides timeliness.
      latestRows: sql<number>`((array_agg(${s.rows} order by ${s.submittedAt} desc, ${s.id} desc))[1])::int`,
      latestAdded: sql<number>`((array_agg(${s.added} order by ${s.submittedAt} desc, ${s.id} desc))[1])::int`,
      latestRemoved: sql<number>`((array_agg(${s.removed} order by ${s.submittedAt} desc, ${s.id} desc))[1])::int`,
    })
    .from(s)
    .where(and(gte(s.month, r.from), lte(s.month, r.to), inArray(s.department, [...r.departments] as never[])))
    .groupBy(s.department, s.month);
}

/** The earliest month anyone sent a list for: the board starts there (earlier months predate the system). */
export async function firstSubmittedMonth(db: Db | Tx): Promise<string | null> {
  const [row] = await db.select({ month: sql<string | null>`min(${rosterSubmissions.month})` }).from(rosterSubmissions);
  return row?.month ?? null;
}

/** One row per consolidated month in the range: the first run decides timeliness, the latest run the figures. */
export async function consolidationSummaries(db: Db | Tx, r: { from: string; to: string }) {
  const c = consolidations;
  return db
    .select({
      month: c.month,
      runs: sql<number>`count(*)::int`,
      firstOn: bj(sql`min(${c.runAt})`, DAY),
      lastAt: bj(sql`max(${c.runAt})`, MINUTE),
      persons: sql<number>`((array_agg(${c.persons} order by ${c.id} desc))[1])::int`,
    })
    .from(c)
    .where(and(gte(c.month, r.from), lte(c.month, r.to)))
    .groupBy(c.month);
}

export type SubmissionFilter = { departments: readonly string[]; month?: string; limit: number; offset: number };

/** Accepted lists, newest first, with the sender's name. */
export async function listSubmissions(db: Db | Tx, f: SubmissionFilter) {
  const s = rosterSubmissions;
  const where = and(inArray(s.department, [...f.departments] as never[]), f.month ? eq(s.month, f.month) : undefined);
  const rows = await db
    .select({
      id: s.id,
      department: s.department,
      month: s.month,
      fileName: s.fileName,
      rows: s.rows,
      added: s.added,
      removed: s.removed,
      unchanged: s.unchanged,
      submittedAt: bj(sql`${s.submittedAt}`, MINUTE),
      submittedOn: bj(sql`${s.submittedAt}`, DAY),
      submittedBy: users.displayName,
    })
    .from(s)
    .leftJoin(users, eq(users.id, s.submittedBy))
    .where(where)
    .orderBy(desc(s.submittedAt), desc(s.id))
    .limit(f.limit + 1)
    .offset(f.offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(s).where(where);
  return { ...pageOf(rows, f.limit), total: count?.n ?? 0 };
}

/** Months that have accepted lists, ascending: what the consolidation form offers. */
export async function submittedMonths(db: Db | Tx): Promise<string[]> {
  const rows = await db.selectDistinct({ month: rosterSubmissions.month }).from(rosterSubmissions).orderBy(asc(rosterSubmissions.month));
  return rows.map((r) => r.month);
}
