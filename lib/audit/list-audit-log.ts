import "server-only";
import { listAudit } from "@/db/queries/audit";
import { auditObjectNames } from "@/db/queries/audit-objects";
import type { AuditRow } from "@/db/schema";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { maskName } from "@/lib/privacy/domain/mask-name";
import { auditScope, type AuditCriteria } from "./audit-scope";
import { actionName } from "./domain/action-names";
import { describeDetail, objectTypeName, type DetailLine } from "./domain/describe-audit";
import { describeUserAgent } from "./domain/user-agent";

export type AuditQuery = AuditCriteria & { page: number };
export const AUDIT_PAGE_SIZE = 50;

/** A row as people read it: names instead of codes and uuids, the detail in labelled lines, the terminal as browser and system. */
export type AuditView = AuditRow & {
  actionLabel: string;
  /** e.g. 依申请救助案件 SQ-430524100-2026-0001; the kind alone when the object has no name (or is gone). */
  objectLabel: string | null;
  detailLines: DetailLine[];
  terminal: string | null;
};

/** A page of the audit rows the actor may read (who reads what: audit-scope.ts), newest first. */
export async function listAuditLog(ctx: UseCaseContext, q: AuditQuery) {
  await requirePermission(ctx, "audit.view");
  const scope = auditScope(ctx, q);
  const page = Math.max(1, q.page);
  const result = await listAudit(ctx.db, { ...scope, limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE });
  const names = await auditObjectNames(ctx.db, result.rows.flatMap((r) => (r.objectType && r.objectId ? [{ type: r.objectType, id: r.objectId }] : [])));
  const rows: AuditView[] = result.rows.map((r) => {
    let objectLabel: string | null = null;
    if (r.objectType) {
      const name = r.objectId ? names.get(`${r.objectType}:${r.objectId}`) : undefined;
      // People by their masked name, as everywhere by default (the full name is personal data).
      const shown = name === undefined ? r.objectId : r.objectType === "person" ? maskName(name) : name;
      objectLabel = shown ? `${objectTypeName(r.objectType)} ${shown}` : objectTypeName(r.objectType);
    }
    return { ...r, actionLabel: actionName(r.action), objectLabel, detailLines: describeDetail(r.detail), terminal: describeUserAgent(r.userAgent) };
  });
  return { ...result, rows, page };
}
