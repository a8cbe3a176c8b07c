import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDb, type DbHandle } from "@/db/client";
import type { DbConfig } from "@/db/config";

// Integration tests run on embedded PGlite always, and on the real
// PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). Each test file
// gets its own scratch database, dropped afterwards, so runs never see each
// other's leftovers.

export type DriverName = "pglite" | "postgres";

export function drivers(): DriverName[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export type Scratch = { handle: DbHandle; config: DbConfig; drop: () => Promise<void> };

export async function scratchDb(driver: DriverName, opts: { migrate?: boolean } = {}): Promise<Scratch> {
  const config = await scratchConfig(driver);
  const handle = await openDb(config);
  if (opts.migrate !== false) await handle.migrate();
  return {
    handle,
    config,
    drop: async () => {
      await handle.close();
      await dropScratch(config);
    },
  };
}

/** A fresh, empty database of that driver, without opening it. */
export async function scratchConfig(driver: DriverName): Promise<DbConfig> {
  if (driver === "pglite") return { kind: "pglite", dataDir: mkdtempSync(path.join(tmpdir(), "portal-pglite-")) };
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `scratch_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const sql = postgres(admin, { onnotice: () => {}, max: 1 });
  try {
    await sql.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await sql.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { kind: "postgres", url: url.toString() };
}

export async function dropScratch(config: DbConfig): Promise<void> {
  if (config.kind === "pglite") {
    rmSync(config.dataDir, { recursive: true, force: true });
    return;
  }
  const name = new URL(config.url).pathname.slice(1);
  const sql = postgres(process.env.TEST_DATABASE_URL!, { onnotice: () => {}, max: 1 });
  try {
    await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await sql.end();
  }
}
