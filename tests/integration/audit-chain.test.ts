import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAudit } from "@/db/queries/audit";
import { auditRow } from "@/lib/audit/audit-entry";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import type { UseCaseContext } from "@/lib/auth/context";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// `audit verify` against rows written the way the use cases write them, then
// tampered with the way someone holding the database could: the append-only
// trigger switched off to alter or delete a row, or the chain trigger switched
// off to slip a row in. Each is found and named by its row id.

describe.each(drivers())("the audit log's hash chain on %s", (driver) => {
  let s: Scratch;
  let admin: UseCaseContext;
  const q = <T,>(text: string, params: unknown[] = []) => s.handle.raw.query<T>(text, params);
  const asOwner = async (statements: string[]) => {
    for (const text of statements) await q(text);
  };

  beforeAll(async () => {
    s = await seededDb(driver);
    admin = await contextOf(s, "admin");
  }, 300_000);
  afterAll(async () => {
    await s?.drop();
  });

  it("holds every row, in commit order, also for transactions committing at once", async () => {
    const before = await verifyAuditChain(admin);
    expect(before).toMatchObject({ ok: true });
    expect(before.rows).toBeGreaterThan(0); // the seed's own audited steps
    // Twenty transactions with two rows each, started together (on PostgreSQL they really run at once).
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        s.handle.db.transaction(async (tx) => {
          await insertAudit(tx, auditRow(admin.actor, { action: "test.concurrent", objectId: `${i}-a` }));
          await insertAudit(tx, auditRow(admin.actor, { action: "test.concurrent", objectId: `${i}-b`, detail: { n: i, 说明: "并发写入" } }));
        }),
      ),
    );
    await insertAudit(s.handle.db, auditRow(null, { action: "test.autocommit" }));
    expect(await verifyAuditChain(admin)).toEqual({ rows: before.rows + 41, ok: true });
    const [gaps] = await q<{ n: number; max: number }>("select count(*)::int as n, max(seq)::int as max from audit_chain");
    expect(gaps!.n).toBe(gaps!.max);
  });

  it("finds a row altered behind the append-only trigger, and passes again once it is put back", async () => {
    const [row] = await q<{ id: number; detail: unknown }>("select id::int as id, detail from audit_log where action = 'test.concurrent' order by id limit 1 offset 5");
    await asOwner([
      "alter table audit_log disable trigger audit_log_no_update_delete",
      `update audit_log set detail = '{"n": 999}' where id = ${row!.id}`,
    ]);
    expect(await verifyAuditChain(admin)).toMatchObject({ ok: false, firstBad: { auditId: row!.id, reason: "the audit row was altered (its hash does not match the chain)" } });
    // Back exactly as it was: a row without detail gets SQL NULL again, not the JSON value null.
    await q("update audit_log set detail = $1::jsonb where id = $2", [row!.detail === null ? null : JSON.stringify(row!.detail), row!.id]);
    await asOwner(["alter table audit_log enable trigger audit_log_no_update_delete"]);
    expect(await verifyAuditChain(admin)).toMatchObject({ ok: true });
  });

  it("finds a row written with the chain trigger off", async () => {
    await asOwner([
      "alter table audit_log disable trigger audit_log_chain",
      "insert into audit_log (action, outcome) values ('test.sneaked', 'success')",
      "alter table audit_log enable trigger audit_log_chain",
    ]);
    const [sneaked] = await q<{ id: number }>("select id::int as id from audit_log where action = 'test.sneaked'");
    expect(await verifyAuditChain(admin)).toMatchObject({ ok: false, firstBad: { auditId: sneaked!.id, seq: null } });
    await asOwner([
      "alter table audit_log disable trigger audit_log_no_update_delete",
      `delete from audit_log where id = ${sneaked!.id}`,
      "alter table audit_log enable trigger audit_log_no_update_delete",
    ]);
    expect(await verifyAuditChain(admin)).toMatchObject({ ok: true });
  });

  it("finds a deleted row, and a deleted chain entry", async () => {
    const [victim] = await q<{ id: number; seq: number }>(
      "select a.id::int as id, c.seq::int as seq from audit_log a join audit_chain c on c.audit_id = a.id where a.action = 'test.concurrent' order by c.seq limit 1 offset 10",
    );
    await asOwner([
      "alter table audit_log disable trigger audit_log_no_update_delete",
      `delete from audit_log where id = ${victim!.id}`,
      "alter table audit_log enable trigger audit_log_no_update_delete",
    ]);
    expect(await verifyAuditChain(admin)).toMatchObject({ ok: false, firstBad: { auditId: victim!.id, seq: victim!.seq, reason: "the audit row was removed" } });
    await asOwner([
      "alter table audit_chain disable trigger audit_chain_no_update_delete",
      `delete from audit_chain where seq = ${victim!.seq}`,
      "alter table audit_chain enable trigger audit_chain_no_update_delete",
    ]);
    const r = await verifyAuditChain(admin);
    expect(r).toMatchObject({ ok: false, firstBad: { seq: victim!.seq } });
    expect(r.ok === false && r.firstBad.reason).toContain(`chain entry ${victim!.seq} is missing`);
  });

  it("only those who may read the audit log may verify it", async () => {
    await expect(verifyAuditChain(await contextOf(s, "yibao.clerk"))).rejects.toMatchObject({ code: "forbidden" });
  });
});
