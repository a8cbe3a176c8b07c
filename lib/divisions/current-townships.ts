import "server-only";
import type { Db, Tx } from "@/db";
import { listCurrentDivisions } from "@/db/queries/divisions";

// The townships under a prefix, kept in process: every work queue and the
// timeliness view list them for their filter, and they change only when the
// divisions are loaded (seed/demo-county.ts, the only writer), which calls
// forgetCurrentTownships(). Kept per database handle (tests open several in
// one process); a transaction handle is a new object each time and so never
// hits the cache. A load in another process is not seen here: divisions are
// loaded before the server starts (npm start's setup runs in the server's own
// process and calls forgetCurrentTownships() itself).

type Township = { code: string; name: string };

let generation = 0;
const cache = new WeakMap<object, { generation: number; byPrefix: Map<string, Township[]> }>();
const names = new WeakMap<object, { generation: number; byCode: Promise<ReadonlyMap<string, string>> }>();

/** Current townships whose code starts with `prefix`, ordered by code. */
export async function currentTownships(db: Db | Tx, prefix: string): Promise<Township[]> {
  let entry = cache.get(db);
  if (!entry || entry.generation !== generation) {
    entry = { generation, byPrefix: new Map() };
    cache.set(db, entry);
  }
  const hit = entry.byPrefix.get(prefix);
  if (hit) return hit;
  const seen = generation;
  const rows = (await listCurrentDivisions(db, { scopePrefix: prefix, level: "township" })).map((t) => ({ code: t.code, name: t.name }));
  // A forget that ran while we read: do not keep what may predate it.
  if (seen === generation) entry.byPrefix.set(prefix, rows);
  return rows;
}

/**
 * The current name of every division by code, kept in process like the township lists (same
 * invalidation): what a list's place column reads instead of two name lookups per row in its query.
 */
export async function currentDivisionNames(db: Db | Tx): Promise<ReadonlyMap<string, string>> {
  const hit = names.get(db);
  if (hit && hit.generation === generation) return hit.byCode;
  const seen = generation;
  const byCode = listCurrentDivisions(db).then((rows) => new Map(rows.map((d) => [d.code, d.name] as const)));
  names.set(db, { generation: seen, byCode });
  // A failed read is not kept; the next call reads again.
  byCode.catch(() => {
    if (names.get(db)?.byCode === byCode) names.delete(db);
  });
  return byCode;
}

/** Drops every cached township list and name (call after changing the divisions table). */
export function forgetCurrentTownships(): void {
  generation++;
}
