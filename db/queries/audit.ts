import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { auditLog, users, type NewAuditRow } from "../schema";
import type { Db, Tx } from "../client";
import { pageOf } from "./page";

export async function insertAudit(tx: Db | Tx, row: NewAuditRow): Promise<void> {
  await tx.insert(auditLog).values(row);
}

export type AuditFilter = {
  /** Only rows by users whose jurisdiction lies within this prefix; rows without a user need the county-wide scope. */
  scopePrefix: string;
  includeAnonymous: boolean;
  /** Only rows by users of this department (a department manager reads its own staff's rows); absent: every department. */
  department?: string;
  username?: string;
  action?: string;
  from?: string; // YYYY-MM-DD, inclusive
  to?: string; // YYYY-MM-DD, inclusive
  limit: number;
  offset: number;
};

export async function listAudit(db: Db, f: AuditFilter) {
  const where: SQL[] = [];
  const ofDepartment = f.department === undefined ? sql`` : sql` and u.department = ${f.department}`;
  const scope = sql`exists (select 1 from ${users} u where u.id = ${auditLog.userId} and u.jurisdiction like ${f.scopePrefix + "%"}${ofDepartment})`;
  where.push(f.includeAnonymous ? sql`(${auditLog.userId} is null or ${scope})` : scope);
  if (f.username) where.push(eq(auditLog.username, f.username));
  if (f.action) where.push(sql`${auditLog.action} like ${f.action + "%"}`);
  // Dates are the office's calendar days (Beijing time), whatever the server's zone.
  const day = sql`(${auditLog.at} at time zone 'Asia/Shanghai')::date`;
  if (f.from) where.push(sql`${day} >= ${f.from}::date`);
  if (f.to) where.push(sql`${day} <= ${f.to}::date`);
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(f.limit + 1)
    .offset(f.offset);
  return pageOf(rows, f.limit);
}
