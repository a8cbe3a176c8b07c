import "server-only";
import type { AuditScope } from "@/db/queries/audit";
import type { UseCaseContext } from "@/lib/auth/context";
import { levelOf, scopePrefix } from "@/lib/divisions/domain/division-code";
import { ValidationError } from "@/lib/errors/app-error";
import { isIsoDate } from "@/lib/calendar/domain/iso-date";
import { actionFilter } from "./domain/action-names";

export type AuditCriteria = { username?: string; action?: string; from?: string; to?: string };

/**
 * Which audit rows the actor may read, narrowed by the page's filters (the
 * list and the export read the same rows). Rows without a user (system
 * seeding, logins with unknown names) are shown to county-level and higher
 * viewers only. Need-to-know by department (等保 §8.1.4.3 c): the
 * administrator and the 医保 staff who audit (manager, security auditor) read
 * every department's rows — 医保 owns the system and audits every access to
 * medical data; another department's manager or auditor reads only the rows
 * of its own staff, never the 医保 reveals of ID numbers, accounts and medical
 * records. Checks the filters; the caller checks the permission.
 */
export function auditScope(ctx: UseCaseContext, q: AuditCriteria): AuditScope {
  if (q.from && !isIsoDate(q.from)) throw new ValidationError("from", "开始日期不是有效日期，格式应为 YYYY-MM-DD");
  if (q.to && !isIsoDate(q.to)) throw new ValidationError("to", "结束日期不是有效日期，格式应为 YYYY-MM-DD");
  if (q.from && q.to && q.from > q.to) throw new ValidationError("to", "结束日期不能早于开始日期");
  const action = q.action?.trim() ? actionFilter(q.action) : null;
  if (action && "codes" in action && action.codes.length === 0) throw new ValidationError("action", `操作：没有名称包含“${q.action!.trim()}”的操作，请换个词或从列表中选择`);
  const level = levelOf(ctx.actor.user.jurisdiction);
  const { role, department } = ctx.actor.user;
  const everyDepartment = role === "admin" || department === "medical_security";
  return {
    scopePrefix: scopePrefix(ctx.actor.user.jurisdiction),
    includeAnonymous: everyDepartment && (level === "county" || level === "city" || level === "province"),
    ...(everyDepartment ? {} : { department }),
    username: q.username?.trim() || undefined,
    ...(action === null ? {} : "prefix" in action ? { action: action.prefix } : { actions: action.codes }),
    from: q.from || undefined,
    to: q.to || undefined,
  };
}
