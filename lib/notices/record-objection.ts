import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { insertObjection } from "@/db/queries/notice-objections";
import { listNoticeRows } from "@/db/queries/notices";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { accountId } from "@/lib/auth/domain/actor";
import { AppError, ValidationError } from "@/lib/errors/app-error";
import { parseObjection } from "./domain/notice-input";
import { inWindow } from "./domain/posting-window";
import { loadNoticeFor } from "./notice-access";

/**
 * 登记异议 — recordObjection(ctx, noticeId, { applicationId?, objector?, objectorContact?, content, receivedOn, channel })
 * Permission: notices.objection; notice within the jurisdiction; published; receivedOn inside the window and not after today.
 * applicationId (optional) must be a case listed on this notice; objector empty = anonymous (匿名).
 * channel: in_person | phone | letter | online | other (当面/电话/信函/网络/其他). Returns { id }.
 * The objector's name and contact are not written to the audit detail.
 */
export async function recordObjection(ctx: UseCaseContext, noticeId: unknown, input: Record<string, unknown>) {
  const notice = await loadNoticeFor(ctx, noticeId, "notices.objection");
  const parsed = parseObjection(input);
  if (!parsed.ok) throw new ValidationError(parsed.field, parsed.message);
  const o = parsed.value;
  if (notice.status !== "published" || !notice.windowStart || !notice.windowEnd) throw new AppError("conflict", "该公示尚未发布，不能登记异议");
  if (o.receivedOn > todayOf(ctx)) throw new ValidationError("receivedOn", `收到异议的日期 ${o.receivedOn} 晚于今天`);
  if (!inWindow({ start: notice.windowStart, end: notice.windowEnd }, o.receivedOn)) {
    throw new ValidationError(
      "receivedOn",
      `收到异议的日期 ${o.receivedOn} 不在公示期（${notice.windowStart} 至 ${notice.windowEnd}）内，不能作为公示异议登记；公示期外的反映请按信访等途径办理`,
    );
  }
  if (o.applicationId) {
    const rows = await listNoticeRows(ctx.db, notice.id);
    if (!rows.some((r) => r.applicationId === o.applicationId)) throw new ValidationError("applicationId", "所选救助对象不在本公示中");
  }
  return inTransaction(ctx.db, async (tx) => {
    const id = await insertObjection(tx, { noticeId: notice.id, ...o, recordedBy: accountId(ctx.actor) });
    await insertAudit(tx, auditRow(ctx.actor, { action: "notices.record_objection", objectType: "notice_objection", objectId: id, detail: { notice: notice.id, application: o.applicationId, anonymous: o.objector === null, channel: o.channel, receivedOn: o.receivedOn } }));
    return { id };
  });
}
