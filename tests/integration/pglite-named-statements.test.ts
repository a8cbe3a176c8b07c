import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDeepStrictEqual } from "node:util";
import type { PGlite } from "@electric-sql/pglite";
import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { queryNamed } from "@/db/pglite-statements";
import { scratchDb, type Scratch } from "../helpers/scratch-db";

// On PGlite a query drizzle prepares by name runs as a named statement, parsed once
// (db/pglite-statements.ts, issue 14): the same answers as PGlite's `query`, errors included.

describe("named drizzle queries on PGlite", () => {
  let scratch: Scratch;
  let pg: PGlite;
  beforeAll(async () => {
    scratch = await scratchDb("pglite");
    pg = (scratch.handle.db as unknown as { $client: PGlite }).$client;
    await pg.exec(`CREATE TABLE t_named (id int PRIMARY KEY, name text, born date, at timestamptz, tags text[], doc jsonb, n numeric, big bigint, ok boolean);
      INSERT INTO t_named VALUES (1, '张三', '2020-02-29', '2026-12-07 10:00:00+08', '{a,b}', '{"k":[1,2]}', 12.50, 9007199254740993, true),
                                 (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);`);
  }, 120_000);
  afterAll(async () => {
    await scratch?.drop();
  });

  it("runs a drizzle query prepared by name as a statement parsed once, with the same rows", async () => {
    const db = scratch.handle.db;
    const byName = db.select({ id: users.id, username: users.username }).from(users).where(eq(users.username, sql.placeholder("u"))).prepare("test_user_by_name");
    expect(await byName.execute({ u: "nobody" })).toEqual([]);
    expect(await byName.execute({ u: "nobody" })).toEqual([]);
    const statements = await pg.query<{ statement: string }>(`SELECT statement FROM pg_prepared_statements WHERE statement LIKE '%"users"."username" = $1%'`);
    expect(statements.rows).toHaveLength(1);
    // Built again without a name: PGlite's query, no new statement.
    expect(await db.select({ id: users.id }).from(users).where(eq(users.username, "nobody"))).toEqual([]);
    expect((await pg.query(`SELECT count(*)::int AS n FROM pg_prepared_statements`)).rows).toEqual([{ n: 1 }]);
  });

  it("answers as PGlite's query does, in both row modes, with drizzle's parsers", async () => {
    const text = "SELECT * FROM t_named WHERE id >= $1 AND ($2::text IS NULL OR name = $2) ORDER BY id";
    for (const params of [[1, null], [1, "张三"], [3, null]]) {
      for (const options of [undefined, { rowMode: "array" as const }, { rowMode: "array" as const, parsers: { 1082: (v: string) => v, 1184: (v: string) => v } }]) {
        const expected = await pg.query(text, params, options);
        const got = await queryNamed(pg, text, params, options);
        expect(isDeepStrictEqual(got, expected)).toBe(true);
        expect(got).toStrictEqual(expected);
      }
    }
    const update = await queryNamed(pg, "UPDATE t_named SET ok = $1 WHERE id = $2", [false, 2]);
    expect(update).toEqual(await pg.query("UPDATE t_named SET ok = $1 WHERE id = $2", [false, 2]));
    expect(update.affectedRows).toBe(1);
  });

  it("throws PGlite's error for a failing call and a text that does not parse, and goes on answering", async () => {
    const failing = await queryNamed(pg, "SELECT 1 / $1::int AS q", [0]).catch((e: unknown) => e);
    const expected = await pg.query("SELECT 1 / $1::int AS q", [0]).catch((e: unknown) => e);
    expect(failing).toMatchObject({ code: "22012", message: (expected as Error).message, query: "SELECT 1 / $1::int AS q", params: [0] });
    expect((await queryNamed(pg, "SELECT 1 / $1::int AS q", [2])).rows).toEqual([{ q: 0 }]);
    await expect(queryNamed(pg, "SELEC 1", [])).rejects.toMatchObject({ code: "42601" });
    expect((await queryNamed(pg, "SELECT $1::int + 1 AS n", [41])).rows).toEqual([{ n: 42 }]);
  });

  it("parses the statement again when its result type changed under it", async () => {
    const text = "SELECT name FROM t_named WHERE id = $1";
    expect((await queryNamed(pg, text, [1])).rows).toEqual([{ name: "张三" }]);
    await pg.exec("ALTER TABLE t_named ALTER COLUMN name TYPE varchar(20)");
    expect((await queryNamed(pg, text, [1])).rows).toEqual([{ name: "张三" }]);
    expect((await queryNamed(pg, text, [1])).fields).toEqual((await pg.query(text, [1])).fields);
  });

  it("waits for a transaction in progress, as PGlite's query does", async () => {
    let inside = false;
    const seen: boolean[] = [];
    const tx = pg.transaction(async (t) => {
      inside = true;
      await t.query("UPDATE t_named SET name = '李四' WHERE id = 1");
      await new Promise((r) => setTimeout(r, 50));
      inside = false;
    });
    await new Promise((r) => setTimeout(r, 5));
    const read = queryNamed<{ name: string }>(pg, "SELECT name FROM t_named WHERE id = $1", [1]).then((r) => {
      seen.push(inside);
      return r.rows[0]?.name;
    });
    await tx;
    expect(await read).toBe("李四");
    expect(seen).toEqual([false]);
  });
});
