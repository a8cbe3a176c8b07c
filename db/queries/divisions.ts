import { and, asc, eq, isNull, like, sql } from "drizzle-orm";
import { divisions, type DivisionRow } from "../schema";
import type { Db, Tx } from "../client";

const current = isNull(divisions.validTo);

export async function findCurrentDivision(db: Db | Tx, code: string): Promise<DivisionRow | undefined> {
  const [row] = await db.select().from(divisions).where(and(eq(divisions.code, code), current)).limit(1);
  return row;
}

/** Current divisions within a prefix, optionally of one level, ordered by code. */
export async function listCurrentDivisions(
  db: Db | Tx,
  opts: { scopePrefix?: string; level?: DivisionRow["level"]; parentCode?: string } = {},
): Promise<DivisionRow[]> {
  const where = [current];
  if (opts.scopePrefix) where.push(like(divisions.code, `${opts.scopePrefix}%`));
  if (opts.level) where.push(eq(divisions.level, opts.level));
  if (opts.parentCode) where.push(eq(divisions.parentCode, opts.parentCode));
  return db.select().from(divisions).where(and(...where)).orderBy(asc(divisions.code));
}

/** Every version of a division, newest first: the history of renames and merges. */
export async function divisionHistory(db: Db | Tx, code: string): Promise<DivisionRow[]> {
  return db.select().from(divisions).where(eq(divisions.code, code)).orderBy(sql`${divisions.validFrom} desc`);
}

/** Number of current children per parent code, for the tree browser. */
export async function childCounts(db: Db | Tx, parentCodes: string[]): Promise<Map<string, number>> {
  if (parentCodes.length === 0) return new Map();
  const rows = await db
    .select({ parent: divisions.parentCode, n: sql<number>`count(*)::int` })
    .from(divisions)
    .where(and(current, sql`${divisions.parentCode} in ${parentCodes}`))
    .groupBy(divisions.parentCode);
  return new Map(rows.map((r) => [r.parent!, r.n]));
}
