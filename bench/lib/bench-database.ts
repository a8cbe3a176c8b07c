import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDb, type DbHandle } from "@/db/client";

// Benchmarks run on a real PostgreSQL (BENCH_DATABASE_URL, else
// TEST_DATABASE_URL, else the local server) in a scratch database of their own.
export function benchAdminUrl(): string {
  return process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
}

/**
 * `opts.adminUrl`: another server than benchAdminUrl() (the dashboard bench's
 * own primary); `opts.readUrl`: the handle also opens DATABASE_READ_URL's
 * pool on the URL it returns for the scratch database (a streaming standby).
 */
export async function scratchPostgres(
  name: string,
  opts: { adminUrl?: string; readUrl?: (url: string) => string } = {},
): Promise<{ handle: DbHandle; url: string; drop: () => Promise<void>; keep: () => Promise<void> }> {
  const adminUrl = opts.adminUrl ?? benchAdminUrl();
  const admin = postgres(adminUrl, { onnotice: () => {}, max: 1 });
  const db = `bench_${name}_${process.pid}`;
  await admin.unsafe(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${db}`);
  const url = new URL(adminUrl);
  url.pathname = `/${db}`;
  const readUrl = opts.readUrl?.(url.toString());
  const handle = await openDb({ kind: "postgres", url: url.toString(), ...(readUrl ? { readUrl } : {}) });
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await admin.end();
    },
    /** Closes the connections and leaves the database (for EXPLAIN ANALYZE afterwards). */
    keep: async () => {
      await handle.close();
      await admin.end();
    },
  };
}

/**
 * The data keys a benchmark seals ID numbers with: the environment's, else a
 * random pair for this run, set in process.env (the use cases read them
 * there) and returned for a server the bench starts.
 */
export function benchDataKeys(): { PORTAL_DATA_KEY: string; PORTAL_INDEX_KEY: string } {
  process.env.PORTAL_DATA_KEY ||= randomBytes(32).toString("base64");
  process.env.PORTAL_INDEX_KEY ||= randomBytes(32).toString("base64");
  return { PORTAL_DATA_KEY: process.env.PORTAL_DATA_KEY, PORTAL_INDEX_KEY: process.env.PORTAL_INDEX_KEY };
}
