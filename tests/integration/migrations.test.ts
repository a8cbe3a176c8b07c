import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sealedIdColumns } from "@/db/queries/people-ids";
import { sql } from "drizzle-orm";
import { auditLog, people } from "@/db/schema";
import { drivers, scratchDb, type Scratch } from "../helpers/scratch-db";
import { errorChain } from "../helpers/errors";

describe.each(drivers())("migrations and the audit table on %s", (driver) => {
  let s: Scratch;
  beforeAll(async () => {
    s = await scratchDb(driver);
  });
  afterAll(async () => s?.drop());

  it("apply from empty and create every table", async () => {
    const rows = await s.handle.raw.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' order by 1",
    );
    expect(rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(["audit_log", "divisions", "people", "users"]));
  });

  it("are safe to apply again: every migration recorded once, the schema unchanged", async () => {
    const journal = JSON.parse(readFileSync(path.join(process.cwd(), "db/migrations/meta/_journal.json"), "utf8")) as { entries: unknown[] };
    const schemaOf = () =>
      s.handle.raw.query<{ c: string }>(
        "select table_name || '.' || column_name || ':' || data_type as c from information_schema.columns where table_schema = 'public' order by 1",
      );
    const applied = async () => (await s.handle.raw.query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations"))[0]!.n;
    const before = await schemaOf();
    await s.handle.migrate();
    await s.handle.migrate();
    expect(await applied()).toBe(journal.entries.length);
    expect(await schemaOf()).toEqual(before);
  });

  it("make the audit log refuse UPDATE, DELETE and TRUNCATE", async () => {
    const db = s.handle.db;
    await db.insert(auditLog).values({ action: "test.append", outcome: "success", detail: { n: 1 } });
    expect(await errorChain(db.update(auditLog).set({ action: "test.rewritten" }).where(sql`true`))).toMatch(/append-only: UPDATE/);
    expect(await errorChain(db.delete(auditLog).where(sql`true`))).toMatch(/append-only: DELETE/);
    expect(await errorChain(s.handle.raw.query("truncate audit_log"))).toMatch(/append-only: TRUNCATE/);
    const rows = await db.select().from(auditLog);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.action).toBe("test.append");
  });

  it("never delete people, and give new people time-ordered version-7 ids", async () => {
    const db = s.handle.db;
    const person = (idNumber: string) => ({ ...sealedIdColumns(idNumber), name: "测试", sex: "male" as const, birthDate: "1980-01-01", divisionCode: "430524100201" });
    const [first] = await db.insert(people).values(person("430524198001010011")).returning();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const [second] = await db.insert(people).values(person("430524198001010038")).returning();
    expect(first!.id[14]).toBe("7");
    expect(second!.id > first!.id).toBe(true);
    expect(await errorChain(db.delete(people).where(sql`true`))).toMatch(/never deleted: DELETE/);
    expect(await errorChain(s.handle.raw.query("truncate people cascade"))).toMatch(/never deleted: TRUNCATE/);
    expect(await db.select().from(people)).toHaveLength(2);
  });
});
