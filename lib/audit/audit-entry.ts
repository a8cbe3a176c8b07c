import type { NewAuditRow } from "@/db/schema";
import { accountId, type Actor } from "@/lib/auth/domain/actor";

export type AuditEvent = {
  action: string;
  objectType?: string;
  objectId?: string;
  outcome?: "success" | "refused";
  /** Before/after summary or a refusal reason. Never full ID numbers, bank accounts or passwords. */
  detail?: Record<string, unknown>;
};

/** Builds the row; the write happens in the caller's transaction (db/queries/audit.ts). */
export function auditRow(actor: Actor | null, event: AuditEvent): NewAuditRow {
  return {
    userId: actor ? accountId(actor) : null,
    username: actor?.user.username ?? null,
    department: actor?.user.department ?? null,
    action: event.action,
    objectType: event.objectType ?? null,
    objectId: event.objectId ?? null,
    outcome: event.outcome ?? "success",
    detail: event.detail ?? null,
    ip: actor?.ip ?? null,
    userAgent: actor?.userAgent?.slice(0, 300) ?? null,
  };
}
