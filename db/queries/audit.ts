import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { auditLog, users, type AuditRow, type NewAuditRow } from "../schema";
import type { Db, Tx } from "../client";
import { pageOf } from "./page";

export async function insertAudit(tx: Db | Tx, row: NewAuditRow): Promise<void> {
  await tx.insert(auditLog).values(row);
}

export type AuditScope = {
  /** Only rows by users whose jurisdiction lies within this prefix; rows without a user need the county-wide scope. */
  scopePrefix: string;
  includeAnonymous: boolean;
  /** Only rows by users of this department (a department manager reads its own staff's rows); absent: every department. */
  department?: string;
  username?: string;
  /** Codes starting with this (e.g. "users."). */
  action?: string;
  /** Exactly these codes (the Chinese name filter); an empty list matches nothing. */
  actions?: readonly string[];
  from?: string; // YYYY-MM-DD, inclusive
  to?: string; // YYYY-MM-DD, inclusive
};

export type AuditFilter = AuditScope & { limit: number; offset: number };

function auditWhere(f: AuditScope): SQL | undefined {
  const where: SQL[] = [];
  const ofDepartment = f.department === undefined ? sql`` : sql` and u.department = ${f.department}`;
  const scope = sql`exists (select 1 from ${users} u where u.id = ${auditLog.userId} and u.jurisdiction like ${f.scopePrefix + "%"}${ofDepartment})`;
  where.push(f.includeAnonymous ? sql`(${auditLog.userId} is null or ${scope})` : scope);
  if (f.username) where.push(eq(auditLog.username, f.username));
  if (f.action) where.push(sql`${auditLog.action} like ${f.action + "%"}`);
  if (f.actions) where.push(f.actions.length ? inArray(auditLog.action, [...f.actions]) : sql`false`);
  // Dates are the office's calendar days (Beijing time), whatever the server's zone.
  const day = sql`(${auditLog.at} at time zone 'Asia/Shanghai')::date`;
  if (f.from) where.push(sql`${day} >= ${f.from}::date`);
  if (f.to) where.push(sql`${day} <= ${f.to}::date`);
  return and(...where);
}

export async function listAudit(db: Db, f: AuditFilter) {
  const rows = await db
    .select()
    .from(auditLog)
    .where(auditWhere(f))
    .orderBy(desc(auditLog.id))
    .limit(f.limit + 1)
    .offset(f.offset);
  return pageOf(rows, f.limit);
}

/** An audit row with its link of the hash chain (null when the row has no chain entry). */
export type AuditExportRow = AuditRow & { seq: number | null; previousHash: string | null; digest: string; hash: string | null };

/**
 * The rows of the filter after `afterId`, oldest first, each with its chain
 * entry, the previous entry's hash and the row's digest recomputed now by the
 * trigger's own function (audit_row_text), so that each exported link can be
 * checked on its own: hash = sha256("<previousHash>:<seq>:<digest>").
 */
export async function auditRowsForExport(db: Db, f: AuditScope, afterId: number, limit: number): Promise<AuditExportRow[]> {
  const rows = await db
    .select({
      row: auditLog,
      seq: sql<string | null>`c.seq`,
      hash: sql<string | null>`c.hash`,
      previousHash: sql<string | null>`case when c.seq = 1 then repeat('0', 64) else p.hash end`,
      digest: sql<string>`encode(sha256(convert_to(audit_row_text(${auditLog}), 'UTF8')), 'hex')`,
    })
    .from(auditLog)
    .leftJoin(sql`audit_chain c`, sql`c.audit_id = ${auditLog.id}`)
    .leftJoin(sql`audit_chain p`, sql`p.seq = c.seq - 1`)
    .where(and(auditWhere(f), sql`${auditLog.id} > ${afterId}`))
    .orderBy(auditLog.id)
    .limit(limit);
  return rows.map((r) => ({ ...r.row, seq: r.seq === null ? null : Number(r.seq), hash: r.hash, previousHash: r.previousHash, digest: r.digest }));
}

/** Display names of users, by id (the audit page names the accounts it shows). */
export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, { username: string; displayName: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users).where(inArray(users.id, [...ids]));
  return new Map(rows.map((r) => [r.id, { username: r.username, displayName: r.displayName }]));
}
