import type { Db } from "./client";

// The read replica behind a primary drizzle instance (DATABASE_READ_URL).
// Kept beside the handle rather than in every UseCaseContext: a context's db
// is the primary the request was given, or a transaction on it; only the
// primary itself maps to a replica, so a read made inside a write transaction
// (a Tx, never registered) stays on the primary and sees its own writes.
// On globalThis for the same reason as the bulk clients (db/bulk.ts): Next
// bundles this module once per server bundle and they share one handle.
const replicas: WeakMap<Db, Db> = ((globalThis as { portalReadReplicas?: WeakMap<Db, Db> }).portalReadReplicas ??= new WeakMap());

/** Called by the client factory when DATABASE_READ_URL is set. */
export function registerReadReplica(primary: Db, replica: Db): void {
  replicas.set(primary, replica);
}

/** The replica's handle for this primary, or the given handle itself (no replica, PGlite, or a transaction). */
export function readHandleFor(db: Db): Db {
  return replicas.get(db) ?? db;
}
