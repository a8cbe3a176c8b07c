import { asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { holidaySchedules, users } from "../schema";
import type { Db, Tx } from "../client";

// Holiday schedules are append-only: a correction is a new version, and the
// latest version of a year is the one in force.

const withLoader = {
  year: holidaySchedules.year,
  version: holidaySchedules.version,
  schedule: holidaySchedules.schedule,
  note: holidaySchedules.note,
  loadedAt: holidaySchedules.loadedAt,
  loadedByName: users.displayName,
};

/** The version in force of every year, ascending by year, with the loader's display name. */
export async function listLatestHolidaySchedules(db: Db | Tx) {
  return db
    .selectDistinctOn([holidaySchedules.year], withLoader)
    .from(holidaySchedules)
    .leftJoin(users, eq(users.id, holidaySchedules.loadedBy))
    .orderBy(asc(holidaySchedules.year), desc(holidaySchedules.version));
}

/** Every version of one year, newest first. */
export async function listHolidayScheduleVersions(db: Db | Tx, year: number) {
  return db
    .select(withLoader)
    .from(holidaySchedules)
    .leftJoin(users, eq(users.id, holidaySchedules.loadedBy))
    .where(eq(holidaySchedules.year, year))
    .orderBy(desc(holidaySchedules.version));
}

export async function findLatestHolidaySchedule(db: Db | Tx, year: number) {
  const [row] = await db
    .select({ version: holidaySchedules.version, schedule: holidaySchedules.schedule })
    .from(holidaySchedules)
    .where(eq(holidaySchedules.year, year))
    .orderBy(desc(holidaySchedules.version))
    .limit(1);
  return row;
}

/**
 * Serialises schedule loads until the transaction ends: two administrators
 * correcting one year at once get versions n+1 and n+2 instead of a
 * primary-key violation, and two neighbouring years are never checked against
 * each other's old versions. Loads are rare, so one lock for the table is
 * enough. 0x4843 ("HC") only names the lock.
 */
export async function lockHolidaySchedules(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${0x4843}::bigint)`);
}

export async function insertHolidaySchedule(
  tx: Db | Tx,
  row: { year: number; version: number; schedule: Record<string, unknown>; note: string | null; loadedBy: string | null },
): Promise<void> {
  await tx.insert(holidaySchedules).values(row);
}

/** Stores each schedule as version 1 unless its year already has a version; returns the years stored. */
export async function insertFirstVersions(
  tx: Db | Tx,
  schedules: readonly { year: number }[],
  meta: { note: string; loadedBy: string | null },
): Promise<number[]> {
  if (schedules.length === 0) return [];
  const rows = await tx
    .insert(holidaySchedules)
    .values(schedules.map((s) => ({ year: s.year, version: 1, schedule: { ...s }, ...meta })))
    .onConflictDoNothing()
    .returning({ year: holidaySchedules.year });
  return rows.map((r) => r.year).sort((a, b) => a - b);
}

/**
 * Changes whenever a version is added (the table only grows): the number of
 * rows and the newest load time. Cheap enough to ask on every use.
 */
export async function holidayScheduleFingerprint(db: Db | Tx): Promise<string> {
  let query = fingerprintQueries.get(db);
  if (!query) fingerprintQueries.set(db, (query = prepareFingerprint(db)));
  const [row] = await query.execute();
  return `${row?.n ?? 0}|${row?.last ?? ""}`;
}

/**
 * The same fingerprint as a scalar subquery, for a query that reads it in its own round trip (the
 * work queue's page): `${count}|${newest load time or ""}`, the text holidayScheduleFingerprint returns.
 */
export function holidayScheduleFingerprintSql(): SQL<string> {
  return sql<string>`(SELECT count(*)::int::text || '|' || coalesce(max(${holidaySchedules.loadedAt})::text, '') FROM ${holidaySchedules})`;
}

// Asked on every deadline computation: built once per database handle and prepared, so neither drizzle
// nor the server parses it again (postgres.js keeps the statement per connection; PGlite ignores the name).
const fingerprintQueries = new WeakMap<object, ReturnType<typeof prepareFingerprint>>();
function prepareFingerprint(db: Db | Tx) {
  return db
    .select({ n: sql<number>`count(*)::int`, last: sql<string | null>`max(${holidaySchedules.loadedAt})::text` })
    .from(holidaySchedules)
    .prepare("holiday_schedule_fingerprint");
}
