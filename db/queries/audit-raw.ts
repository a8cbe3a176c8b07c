import type { BulkTx } from "../bulk";
import type { NewAuditRow } from "../schema";

// The audit row of a bulk use case (roster import and consolidation,
// enrolment import, subsidies, worklist), written in that use case's own raw
// transaction (db/bulk.ts), so an audit failure fails the change. Everything
// else writes audit rows through drizzle.

export async function insertAuditRaw(tx: BulkTx, row: NewAuditRow): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (user_id, username, department, action, object_type, object_id, outcome, detail, ip, user_agent)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10)`,
    [row.userId ?? null, row.username ?? null, row.department ?? null, row.action, row.objectType ?? null, row.objectId ?? null,
     row.outcome ?? "success", JSON.stringify(row.detail ?? null), row.ip ?? null, row.userAgent ?? null],
  );
}
