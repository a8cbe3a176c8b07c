import { PGlite, type QueryOptions } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";
import { migrationsFolder, type DbConfig } from "./config";
import { lockDataDir } from "./folder-lock";
import { secureDataFolder } from "./data-folder";
import { removeLeftoverTempFiles } from "./temp-relations";
import { loadKeysBesideData } from "./local-keys";
import { registerRawClient } from "./bulk";
import { registerReadReplica } from "./read-replica";
import { migratePostgres } from "./migrate-postgres";
import { queryNamed } from "./pglite-statements";

// The one drizzle type the rest of the code sees. PGlite's drizzle type differs
// only in its driver-specific extras, which nothing here uses, so it is cast
// once here (docs/development.md).
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type DbHandle = {
  db: Db;
  config: DbConfig;
  migrate: () => Promise<void>;
  close: () => Promise<void>;
  /** Raw SQL for bulk paths (COPY-like batches) that drizzle does not express. */
  raw: RawClient;
  /** The read replica's pool (DATABASE_READ_URL), when one is configured; see db/read-replica.ts. */
  read?: Db;
};

export type RawClient = {
  query: <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;
};

export async function openDb(config: DbConfig): Promise<DbHandle> {
  if (config.kind === "postgres") {
    const client = postgres(config.url, { onnotice: () => {}, max: 10 });
    const db = drizzlePostgres(client, { schema });
    registerRawClient(db, { kind: "postgres", sql: client, url: config.url });
    // A second pool on the standby, for reads that may lag the primary by the
    // replication delay (the dashboard's figures). Named so that the standby's
    // pg_stat_activity tells its sessions apart.
    const readClient = config.readUrl
      ? postgres(config.readUrl, { onnotice: () => {}, max: 10, connection: { application_name: "portal-read" } })
      : null;
    const read = readClient ? drizzlePostgres(readClient, { schema }) : undefined;
    if (read) registerReadReplica(db, read);
    return {
      db,
      config,
      migrate: () => migratePostgres(db, config.migrationUrl),
      close: async () => {
        await Promise.all([client.end({ timeout: 5 }), readClient?.end({ timeout: 5 })]);
      },
      raw: { query: async (sql, params) => (await client.unsafe(sql, params as never[])) as never },
      ...(read ? { read } : {}),
    };
  }
  secureDataFolder(config.dataDir); // before the lock file and PGlite write anything
  loadKeysBesideData(config.dataDir);
  const release = lockDataDir(config.dataDir);
  try {
    removeLeftoverTempFiles(config.dataDir); // a killed process's staging tables (temp-relations.ts)
    const client = new PGlite(config.dataDir);
    await client.waitReady;
    // A new cluster's files come out of PGlite's initdb 0666 whatever the umask.
    secureDataFolder(config.dataDir);
    const db = drizzlePglite(client, { schema });
    namedQueriesAsStatements(db, client);
    registerRawClient(db as unknown as Db, { kind: "pglite", pg: client });
    return {
      db: db as unknown as Db,
      config,
      migrate: () => migratePglite(db, { migrationsFolder: migrationsFolder() }),
      close: async () => {
        await client.close();
        // PGlite writes its relation-cache files (pg_internal.init) 0644 whatever the umask.
        secureDataFolder(config.dataDir);
        release();
      },
      raw: { query: async (sql, params) => (await client.query(sql, params)).rows as never },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * A query drizzle prepares with a name on this handle (`.prepare(name)`) runs as a named statement of
 * the PGlite instance, parsed once (db/pglite-statements.ts), as postgres.js runs it on PostgreSQL. A
 * transaction's queries go through a session of their own, which keeps PGlite's `query`.
 */
function namedQueriesAsStatements(db: ReturnType<typeof drizzlePglite>, client: PGlite) {
  const session = (db as unknown as { session: { prepareQuery: (...args: unknown[]) => { client: unknown } } }).session;
  const prepareQuery = session.prepareQuery.bind(session);
  const named = { query: (text: string, params?: unknown[], options?: QueryOptions) => queryNamed(client, text, params, options) };
  session.prepareQuery = (...args: unknown[]) => {
    const query = prepareQuery(...args);
    // (query, fields, name, …): drizzle's PgSession.prepareQuery.
    if (args[2]) query.client = named;
    return query;
  };
}
