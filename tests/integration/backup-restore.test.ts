import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "@/db/client";
import type { DbConfig } from "@/db/config";
import { insertAudit } from "@/db/queries/audit";
import { auditRow } from "@/lib/audit/audit-entry";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { cliContext } from "@/cli/cli-actor";
import { drivers, dropScratch, scratchConfig, type Scratch } from "../helpers/scratch-db";
import { seededDb } from "../helpers/seeded";

// Backup and restore as docs/development.md ("Backup and restore") tells an
// operator to do them: PostgreSQL with pg_dump -Fc / pg_restore into a new
// database, the embedded PGlite by copying its folder while the server is
// stopped. The copy must hold the same rows (every table's count), the same
// money (every numeric column's sum), a hash chain that `audit verify` passes,
// and must go on working (a new audited write, chained).

type Figures = { counts: Record<string, number>; sums: Record<string, string> };

async function figures(h: DbHandle): Promise<Figures> {
  const tables = await h.raw.query<{ t: string }>("select table_name as t from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1");
  const counts: Record<string, number> = {};
  for (const { t } of tables) counts[t] = (await h.raw.query<{ n: number }>(`select count(*)::int as n from "${t}"`))[0]!.n;
  const numeric = await h.raw.query<{ t: string; c: string }>(
    "select table_name as t, column_name as c from information_schema.columns where table_schema = current_schema() and data_type = 'numeric' order by 1, 2",
  );
  const sums: Record<string, string> = {};
  for (const { t, c } of numeric) sums[`${t}.${c}`] = (await h.raw.query<{ s: string | null }>(`select coalesce(sum("${c}"), 0)::text as s from "${t}"`))[0]!.s ?? "0";
  return { counts, sums };
}

async function stillWorks(h: DbHandle, before: Figures) {
  const ctx = await cliContext(h.db, "medical_security", "admin");
  expect(await verifyAuditChain(ctx)).toEqual({ rows: before.counts.audit_log, ok: true });
  await insertAudit(h.db, auditRow(ctx.actor, { action: "test.after_restore" })); // the sequences and the chain trigger carry on
  expect(await verifyAuditChain(ctx)).toEqual({ rows: before.counts.audit_log! + 1, ok: true });
  await h.migrate(); // every migration is recorded: nothing to apply
}

describe.each(drivers())("backup and restore on %s", (driver) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const f of cleanup.reverse()) await f().catch(() => undefined);
  });

  if (driver === "postgres") {
    it("pg_dump -Fc and pg_restore of the seeded demo county give the same rows and sums, and a chain that verifies", async () => {
      const s: Scratch = await seededDb("postgres", { full: true });
      cleanup.push(() => s.drop());
      const before = await figures(s.handle);
      expect(before.counts.claims).toBeGreaterThan(0);
      expect(Object.values(before.sums).some((v) => v !== "0")).toBe(true);
      const dir = mkdtempSync(path.join(tmpdir(), "portal-backup-"));
      cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
      const file = path.join(dir, "portal.dump");
      const url = (s.config as { url: string }).url;
      execFileSync("pg_dump", ["-Fc", "--no-owner", "-f", file, url], { stdio: "pipe" });
      const target = (await scratchConfig("postgres")) as Extract<DbConfig, { kind: "postgres" }>;
      cleanup.push(() => dropScratch(target));
      execFileSync("pg_restore", ["--exit-on-error", "--no-owner", "-d", target.url, file], { stdio: "pipe" });
      const restored = await openDb(target);
      try {
        expect(await figures(restored)).toEqual(before);
        await stillWorks(restored, before);
      } finally {
        await restored.close();
      }
    }, 1_200_000);
    return;
  }

  it("a copy of the stopped embedded folder gives the same rows and sums, and a chain that verifies", async () => {
    const s: Scratch = await seededDb("pglite");
    const source = (s.config as { dataDir: string }).dataDir;
    let open = true;
    cleanup.push(async () => {
      if (open) await s.handle.close();
      rmSync(source, { recursive: true, force: true });
    });
    const before = await figures(s.handle);
    expect(before.counts.people).toBeGreaterThan(0);
    await s.handle.close(); // the server stopped: the folder is consistent and unlocked
    open = false;
    const copy = mkdtempSync(path.join(tmpdir(), "portal-pglite-copy-"));
    cleanup.push(async () => rmSync(copy, { recursive: true, force: true }));
    cpSync(source, copy, { recursive: true });
    const restored = await openDb({ kind: "pglite", dataDir: copy });
    try {
      expect(await figures(restored)).toEqual(before);
      await stillWorks(restored, before);
    } finally {
      await restored.close();
    }
  }, 600_000);
});
