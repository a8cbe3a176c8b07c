import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// Append-only: a trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE.
// The acting user's name and department are copied in, so the row still reads
// right after the user is renamed or moved.
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    userId: uuid("user_id"),
    username: text("username"),
    department: text("department"),
    action: text("action").notNull(),
    objectType: text("object_type"),
    objectId: text("object_id"),
    outcome: text("outcome", { enum: ["success", "refused"] }).notNull(),
    /** Before/after summary or the reason of a refusal; never full ID numbers or passwords. */
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("audit_at").on(t.at), index("audit_user").on(t.userId), index("audit_action").on(t.action)],
);

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;

/**
 * The hash chain over the audit log (等保 security audit: a removed or altered
 * row is found). Written only by the deferred trigger of migration 0012 at
 * each commit, one entry per audit row in commit order: hash = sha256 of the
 * previous hash, the sequence number and the row's digest
 * (lib/audit/domain/audit-chain.ts; `audit verify` recomputes it).
 */
export const auditChain = pgTable("audit_chain", {
  seq: bigint("seq", { mode: "number" }).primaryKey(),
  auditId: bigint("audit_id", { mode: "number" }).notNull().unique(),
  hash: text("hash").notNull(),
});
