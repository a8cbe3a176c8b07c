import { dbConfigFromEnv } from "./config";
import { openDb, type DbHandle } from "./client";

// The process-wide database, opened once and cached on globalThis so that
// Next's module reloading (dev) and several bundles (server, instrumentation)
// share one connection pool / one PGlite instance.
const globalForDb = globalThis as unknown as { portalDb?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  globalForDb.portalDb ??= openDb(dbConfigFromEnv()).catch((err: unknown) => {
    globalForDb.portalDb = undefined;
    throw err;
  });
  return globalForDb.portalDb;
}

export async function getDb() {
  return (await getDbHandle()).db;
}

export type { Db, Tx, DbHandle } from "./client";
