import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDb, type Db, type DbHandle } from "@/db/client";
import { dbConfigFromEnv } from "@/db/config";
import type { UseCaseContext } from "@/lib/auth/context";
import { systemActor } from "@/lib/auth/domain/system-actor";
import { statsDb } from "@/lib/statistics/stats-db";
import { drivers, scratchConfig, dropScratch } from "../helpers/scratch-db";

// DATABASE_READ_URL: the statistics reads go to the second pool. A real
// streaming standby is measured by `npm run bench -- dashboard`; here the
// "replica" URL names the same scratch database, and the pool a query went
// through is told by its application_name (the read pool sets "portal-read").

async function appName(db: Db): Promise<string> {
  const rows = (await db.execute(sql`SELECT current_setting('application_name') AS name`)) as unknown as { name: string }[];
  return rows[0]!.name;
}

const env = (vars: Record<string, string>) => ({ NODE_ENV: "test", ...vars }) as NodeJS.ProcessEnv;

describe("DATABASE_READ_URL in the configuration", () => {
  it("is kept for PostgreSQL and ignored by PGlite", () => {
    expect(dbConfigFromEnv(env({ DATABASE_URL: "postgres://p/x", DATABASE_READ_URL: " postgres://r/x " }))).toEqual({
      kind: "postgres",
      url: "postgres://p/x",
      readUrl: "postgres://r/x",
    });
    expect(dbConfigFromEnv(env({ DATABASE_URL: "postgres://p/x" }))).toEqual({ kind: "postgres", url: "postgres://p/x" });
    expect(dbConfigFromEnv(env({ DATABASE_READ_URL: "postgres://r/x", DATA_DIR: "/tmp/d" }))).toEqual({ kind: "pglite", dataDir: "/tmp/d" });
  });
});

// PGlite has no replica: this part runs where TEST_DATABASE_URL is set (CI).
for (const driver of drivers().filter((d) => d === "postgres")) describe(`statsDb on ${driver} with a read URL`, () => {
  let handle: DbHandle;
  let plain: DbHandle;
  let url: string;
  beforeAll(async () => {
    const config = await scratchConfig(driver);
    if (config.kind !== "postgres") throw new Error("postgres expected");
    url = config.url;
    handle = await openDb({ ...config, readUrl: config.url });
    plain = await openDb(config);
  });
  afterAll(async () => {
    await handle.close();
    await plain.close();
    await dropScratch({ kind: "postgres", url });
  });
  const ctxOf = (db: Db): UseCaseContext => ({ db, actor: systemActor("medical_security", "430524000000") });

  it("reads through the replica's pool when one is configured", async () => {
    expect(handle.read).toBeDefined();
    expect(statsDb(ctxOf(handle.db))).toBe(handle.read);
    expect(await appName(statsDb(ctxOf(handle.db)))).toBe("portal-read");
    expect(await appName(handle.db)).not.toBe("portal-read");
  });

  it("stays on the primary inside a transaction and without a read URL", async () => {
    await handle.db.transaction(async (tx) => {
      expect(await appName(statsDb(ctxOf(tx as unknown as Db)))).not.toBe("portal-read");
    });
    expect(plain.read).toBeUndefined();
    expect(statsDb(ctxOf(plain.db))).toBe(plain.db);
  });
});
