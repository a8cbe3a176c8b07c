import "server-only";
import { listAudit } from "@/db/queries/audit";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { levelOf, scopePrefix } from "@/lib/divisions/domain/division-code";
import { ValidationError } from "@/lib/errors/app-error";
import { isIsoDate } from "@/lib/calendar/domain/iso-date";

export type AuditQuery = { username?: string; action?: string; from?: string; to?: string; page: number };
export const AUDIT_PAGE_SIZE = 50;


/**
 * Audit rows of users within the actor's jurisdiction. Rows without a user
 * (system seeding, logins with unknown names) are shown to county-level and
 * higher viewers only. Need-to-know by department (等保 §8.1.4.3 c): the
 * administrator and the 医保 manager (the system's owner, who audits every
 * access to medical data) read every department's rows; another department's
 * manager reads only the rows of its own staff, never the 医保 reveals of ID
 * numbers, accounts and medical records.
 */
export async function listAuditLog(ctx: UseCaseContext, q: AuditQuery) {
  await requirePermission(ctx, "audit.view");
  if (q.from && !isIsoDate(q.from)) throw new ValidationError("from", "开始日期不是有效日期，格式应为 YYYY-MM-DD");
  if (q.to && !isIsoDate(q.to)) throw new ValidationError("to", "结束日期不是有效日期，格式应为 YYYY-MM-DD");
  if (q.from && q.to && q.from > q.to) throw new ValidationError("to", "结束日期不能早于开始日期");
  const level = levelOf(ctx.actor.user.jurisdiction);
  const page = Math.max(1, q.page);
  const { role, department } = ctx.actor.user;
  const everyDepartment = role === "admin" || department === "medical_security";
  const result = await listAudit(ctx.db, {
    scopePrefix: scopePrefix(ctx.actor.user.jurisdiction),
    includeAnonymous: everyDepartment && (level === "county" || level === "city" || level === "province"),
    ...(everyDepartment ? {} : { department }),
    username: q.username?.trim() || undefined,
    action: q.action?.trim() || undefined,
    from: q.from || undefined,
    to: q.to || undefined,
    limit: AUDIT_PAGE_SIZE,
    offset: (page - 1) * AUDIT_PAGE_SIZE,
  });
  return { ...result, page };
}
