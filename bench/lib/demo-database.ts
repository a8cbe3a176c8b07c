import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDb, type DbHandle } from "@/db/client";
import { setupDatabase } from "@/seed/setup-database";
import { scratchPostgres } from "./bench-database";

// A freshly seeded demo county for the HTTP benchmarks (dashboard-http, soak):
// a scratch PostgreSQL database on benchAdminUrl()'s server, or a new PGlite
// folder. Seeded here, before the server starts (PGlite admits one process:
// `handle` must be closed before the server opens the folder); `serverEnv`
// points the server at it; `reopen` opens it again once the server stopped.

export type DemoDatabase = {
  driver: "postgres" | "pglite";
  handle: DbHandle;
  serverEnv: Record<string, string>;
  reopen: () => Promise<DbHandle>;
  /** Closes the seeding handle if still open, then drops the database or removes the folder. */
  remove: () => Promise<void>;
};

export async function freshDemoDatabase(driver: string, name: string): Promise<DemoDatabase> {
  if (driver === "postgres") {
    const pg = await scratchPostgres(name);
    const handle = closingOnce(pg.handle);
    await setupDatabase(handle);
    return {
      driver,
      handle,
      serverEnv: { DATABASE_URL: pg.url },
      reopen: () => openDb({ kind: "postgres", url: pg.url }),
      remove: async () => {
        await handle.close().catch(() => {});
        await pg.drop().catch(() => pg.keep());
      },
    };
  }
  if (driver !== "pglite") throw new Error("--db is postgres or pglite");
  const dataDir = mkdtempSync(path.join(tmpdir(), `bench-${name}-pglite-`));
  const handle = closingOnce(await openDb({ kind: "pglite", dataDir }));
  await setupDatabase(handle);
  return {
    driver,
    handle,
    serverEnv: { DATABASE_URL: "", DATA_DIR: dataDir },
    reopen: () => openDb({ kind: "pglite", dataDir }),
    remove: async () => {
      await handle.close().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The handle with a close that runs once, however often it is called. */
function closingOnce(handle: DbHandle): DbHandle {
  let closing: Promise<void> | null = null;
  const close = handle.close.bind(handle);
  return { ...handle, close: () => (closing ??= close()) };
}
