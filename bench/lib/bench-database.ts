import postgres from "postgres";
import { openDb, type DbHandle } from "@/db/client";

// Benchmarks run on a real PostgreSQL (BENCH_DATABASE_URL, else
// TEST_DATABASE_URL, else the local server) in a scratch database of their own.
export function benchAdminUrl(): string {
  return process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
}

export async function scratchPostgres(name: string): Promise<{ handle: DbHandle; url: string; drop: () => Promise<void> }> {
  const admin = postgres(benchAdminUrl(), { onnotice: () => {}, max: 1 });
  const db = `bench_${name}_${process.pid}`;
  await admin.unsafe(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${db}`);
  const url = new URL(benchAdminUrl());
  url.pathname = `/${db}`;
  const handle = await openDb({ kind: "postgres", url: url.toString() });
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await admin.end();
    },
  };
}
