import "server-only";
import { listObjectionsOf } from "@/db/queries/notice-objections";
import { listNoticeRows } from "@/db/queries/notices";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { loadNoticeFor } from "./notice-access";
import { noticeStatus } from "./domain/notice-status";

/**
 * 查看公示（工作人员）— getNotice(ctx, noticeId)
 * Permission: notices.view; the notice's township within the jurisdiction (refused and audited otherwise).
 * Returns the notice (header, window, status by today, correction links), its snapshot rows
 * (masked names, with the case id for objections) and its objections (staff-only: objector may be null = anonymous).
 */
export async function getNotice(ctx: UseCaseContext, noticeId: unknown) {
  const notice = await loadNoticeFor(ctx, noticeId, "notices.view");
  const [rows, objections] = await Promise.all([listNoticeRows(ctx.db, notice.id), listObjectionsOf(ctx.db, notice.id)]);
  return { ...notice, displayStatus: noticeStatus(notice, todayOf(ctx)), rows, objections };
}
