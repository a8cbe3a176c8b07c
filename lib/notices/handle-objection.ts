import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { findObjection, handleObjectionIfOpen } from "@/db/queries/notice-objections";
import { findApplicationForWorkflow } from "@/db/queries/applications";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { accountId } from "@/lib/auth/domain/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { runTransition } from "@/lib/applications/run-transition";
import { AppError, NotFoundError, ValidationError } from "@/lib/errors/app-error";
import { parseObjectionOutcome } from "./domain/notice-input";
import { isUuid, loadNoticeFor } from "./notice-access";

/**
 * 处理异议 — handleObjection(ctx, objectionId, { outcome: "upheld" | "dismissed", reason })
 * Permission: notices.objection; the notice within the jurisdiction; the objection still open.
 * dismissed: records the outcome and reason. upheld: the objection must name a case; the case goes back to
 * the county (state objection_review, through runTransition: version check, transition row and audit row) with
 * the objection's content and the reason in the transition's reason, and the outcome is written in the same
 * transaction. Returns { outcome, applicationState? }.
 */
export async function handleObjection(ctx: UseCaseContext, objectionId: unknown, input: Record<string, unknown>) {
  await requirePermission(ctx, "notices.objection", { objectType: "notice_objection", objectId: typeof objectionId === "string" ? objectionId.slice(0, 36) : "" });
  if (!isUuid(objectionId)) throw new NotFoundError("找不到该异议，可能链接有误。");
  const objection = await findObjection(ctx.db, objectionId);
  if (!objection) throw new NotFoundError("找不到该异议。");
  await loadNoticeFor(ctx, objection.noticeId, "notices.objection");
  if (objection.outcome !== null) throw new AppError("conflict", "该异议已处理，不能重复处理");
  const parsed = parseObjectionOutcome(input);
  if (!parsed.ok) throw new ValidationError(parsed.field, parsed.message);
  const { outcome, reason } = parsed.value;
  const patch = { outcome, outcomeReason: reason, handledBy: accountId(ctx.actor), handledOn: todayOf(ctx) };
  const audit = () => auditRow(ctx.actor, { action: "notices.handle_objection", objectType: "notice_objection", objectId: objection.id, detail: { notice: objection.noticeId, application: objection.applicationId, outcome, reason } });

  if (outcome === "dismissed") {
    await inTransaction(ctx.db, async (tx) => {
      if (!(await handleObjectionIfOpen(tx, objection.id, patch))) throw new AppError("conflict", "该异议刚被他人处理，请刷新页面");
      await insertAudit(tx, audit());
    });
    return { outcome };
  }
  if (!objection.applicationId) throw new ValidationError("outcome", "该异议未指明救助对象，不能退回县级复核；请登记针对具体对象的异议");
  const app = await findApplicationForWorkflow(ctx.db, objection.applicationId);
  if (!app) throw new NotFoundError("找不到该异议所涉的申请。");
  const r = await runTransition(ctx, {
    applicationId: objection.applicationId,
    version: app.version,
    command: { action: "refer_objection", reason },
    permission: "notices.objection",
    reason: `公示异议（${objection.receivedOn}）：${objection.content}；异议成立理由：${reason}`,
    within: async (tx) => {
      if (!(await handleObjectionIfOpen(tx, objection.id, patch))) throw new AppError("conflict", "该异议刚被他人处理，请刷新页面");
      await insertAudit(tx, audit());
    },
  });
  return { outcome, applicationState: r.state };
}
