import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDb, type DbHandle } from "@/db/client";
import { insertAudit } from "@/db/queries/audit";
import { dbGrantAppCommand } from "@/cli/commands/db-grant-app";
import { runCli } from "@/cli/run-cli";
import { auditRow } from "@/lib/audit/audit-entry";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import type { UseCaseContext } from "@/lib/auth/context";
import { createUser } from "@/lib/users/create-user";
import { drivers, scratchDb, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";
import { errorChain } from "../helpers/errors";

// The application's database role (docs/security.md): on PostgreSQL the app
// connects as a role that owns nothing. It appends to the audit log and does
// its ordinary work, but ALTER TABLE … DISABLE TRIGGER, UPDATE, DELETE and
// TRUNCATE of the audit log (and any write of the chain) are refused by the
// database itself; migrations run as the owner (MIGRATION_DATABASE_URL). The
// embedded PGlite has one superuser: `db grant-app` says so and grants nothing.

async function grantApp(env: Record<string, string | undefined>, role: string) {
  const saved = { url: process.env.DATABASE_URL, mig: process.env.MIGRATION_DATABASE_URL, dir: process.env.DATA_DIR };
  const set = (k: string, v: string | undefined) => (v === undefined ? delete process.env[k] : (process.env[k] = v));
  set("DATABASE_URL", env.DATABASE_URL);
  set("MIGRATION_DATABASE_URL", env.MIGRATION_DATABASE_URL);
  set("DATA_DIR", env.DATA_DIR);
  const out: string[] = [];
  const err: string[] = [];
  try {
    const io = { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), readText: async () => "" };
    const code = await runCli([dbGrantAppCommand], ["db", "grant-app", role], io);
    return { code, stdout: out.join(""), stderr: err.join("") };
  } finally {
    set("DATABASE_URL", saved.url);
    set("MIGRATION_DATABASE_URL", saved.mig);
    set("DATA_DIR", saved.dir);
  }
}

describe.each(drivers())("the application's database role on %s", (driver) => {
  let s: Scratch;
  let app: DbHandle | undefined;
  const role = `h8app_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  const admin = () => postgres(process.env.TEST_DATABASE_URL!, { onnotice: () => {}, max: 1 });

  beforeAll(async () => {
    s = driver === "postgres" ? await seededDb(driver) : await scratchDb(driver);
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await s?.drop();
    if (driver === "postgres") {
      const sql = admin();
      try {
        await sql.unsafe(`DROP ROLE IF EXISTS ${role}`);
      } finally {
        await sql.end();
      }
    }
  });

  if (driver === "pglite") {
    it("db grant-app says the embedded database has no roles, and grants nothing", async () => {
      const r = await grantApp({ DATA_DIR: (s.config as { dataDir: string }).dataDir }, "portal_app");
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("the embedded database (PGlite) has a single superuser and no roles to grant");
      // The folder is held by this test's handle: the command refused before opening it.
      const [who] = await s.handle.raw.query<{ su: boolean }>("select rolsuper as su from pg_roles where rolname = current_user");
      expect(who!.su).toBe(true);
    });
    return;
  }

  describe("a role that owns nothing", () => {
    let ctx: UseCaseContext;
    let ownerUrl: string;
    let appUrl: string;

    beforeAll(async () => {
      ownerUrl = (s.config as { url: string }).url;
      const sql = admin();
      try {
        await sql.unsafe(`CREATE ROLE ${role} LOGIN PASSWORD 'h8-app-role'`);
      } finally {
        await sql.end();
      }
      const url = new URL(ownerUrl);
      url.username = role;
      url.password = "h8-app-role";
      appUrl = url.toString();
    });

    it("is refused by db grant-app while it does not exist or owns the tables, then granted", async () => {
      const missing = await grantApp({ DATABASE_URL: ownerUrl }, "no_such_role_h8");
      expect(missing).toMatchObject({ code: 1 });
      expect(missing.stderr).toContain('ROLE: role "no_such_role_h8" does not exist');
      expect((await grantApp({ DATABASE_URL: ownerUrl }, "Bad-Name")).stderr).toContain("is not a role name");
      // The migrator (and the grant) as the owner, the application's URL the role's.
      const r = await grantApp({ DATABASE_URL: appUrl, MIGRATION_DATABASE_URL: ownerUrl }, role);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, role, schema: "public", owner: "postgres" });
      expect((await grantApp({ DATABASE_URL: appUrl, MIGRATION_DATABASE_URL: ownerUrl }, role)).code).toBe(0); // again: safe
    });

    it("migrates through MIGRATION_DATABASE_URL; without it, starts only when no migration is pending", async () => {
      const alone = await openDb({ kind: "postgres", url: appUrl });
      const folder = mkdtempSync(path.join(tmpdir(), "portal-migrations-"));
      try {
        await alone.migrate(); // every migration recorded (run as the owner): nothing to do, no error
        // A newer migration in the folder: the role may not apply it and says what to set.
        cpSync(path.join(process.cwd(), "db/migrations"), folder, { recursive: true });
        const journal = JSON.parse(readFileSync(path.join(folder, "meta/_journal.json"), "utf8")) as { entries: { idx: number; when: number; tag: string }[] };
        const last = journal.entries.at(-1)!;
        journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: "9999_h8_pending" });
        writeFileSync(path.join(folder, "meta/_journal.json"), JSON.stringify(journal));
        writeFileSync(path.join(folder, "9999_h8_pending.sql"), "CREATE TABLE h8_pending (id int);");
        process.env.MIGRATIONS_DIR = folder;
        expect(await errorChain(alone.migrate())).toContain("请设置 MIGRATION_DATABASE_URL");
      } finally {
        delete process.env.MIGRATIONS_DIR;
        rmSync(folder, { recursive: true, force: true });
        await alone.close();
      }
      app = await openDb({ kind: "postgres", url: appUrl, migrationUrl: ownerUrl });
      await app.migrate();
      const [who] = await app.raw.query<{ u: string }>("select current_user as u");
      expect(who!.u).toBe(role);
      ctx = { ...(await contextOf(s, "admin")), db: app.db };
    });

    it("cannot switch the audit triggers off, update, delete or truncate the audit log or write its chain", async () => {
      const q = (text: string) => errorChain(app!.raw.query(text));
      expect(await q("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete")).toContain("must be owner of table audit_log");
      expect(await q("ALTER TABLE audit_log DISABLE TRIGGER ALL")).toContain("must be owner of table audit_log");
      expect(await q("ALTER TABLE audit_log DISABLE TRIGGER audit_log_chain")).toContain("must be owner of table audit_log");
      expect(await q("UPDATE audit_log SET detail = '{}' WHERE id = (SELECT min(id) FROM audit_log)")).toContain("permission denied for table audit_log");
      expect(await q("DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)")).toContain("permission denied for table audit_log");
      expect(await q("TRUNCATE audit_log")).toContain("permission denied for table audit_log");
      expect(await q("DROP TABLE audit_log")).toContain("must be owner of table audit_log");
      expect(await q("INSERT INTO audit_chain (seq, audit_id, hash) VALUES (999999, 999999, 'x')")).toContain("permission denied for table audit_chain");
      expect(await q("DELETE FROM audit_chain")).toContain("permission denied for table audit_chain");
      expect(await q("ALTER TABLE audit_chain DISABLE TRIGGER ALL")).toContain("must be owner of table audit_chain");
      expect(await q("ALTER TABLE users ADD COLUMN h8 int")).toContain("must be owner of table users");
    });

    it("appends to the audit log and does the portal's ordinary work, the chain intact", async () => {
      const before = await verifyAuditChain(ctx);
      expect(before.ok).toBe(true);
      const { id } = await createUser(ctx, {
        username: "h8.role", displayName: "角色测试", department: "finance", role: "viewer", jurisdiction: "430524000000", password: "Qz7#mLp2vXw9",
      });
      await app!.db.transaction(async (tx) => insertAudit(tx, auditRow(ctx.actor, { action: "test.app_role", objectId: id })));
      await app!.raw.query("UPDATE users SET display_name = '角色测试二' WHERE id = $1", [id]);
      const page = await listAuditLog(ctx, { action: "users.create", page: 1 });
      expect(page.rows.some((r) => r.objectId === id)).toBe(true);
      // Chain entries written by the trigger as the owner, read back by the role.
      expect(await verifyAuditChain(ctx)).toEqual({ rows: before.rows + 2, ok: true });
      const [n] = await app!.raw.query<{ n: number }>("select count(*)::int as n from audit_chain");
      expect(n!.n).toBe(before.rows + 2);
    });
  });
});
