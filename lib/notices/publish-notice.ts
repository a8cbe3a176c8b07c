import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { listNoticeRows, updateDraftIfVersion } from "@/db/queries/notices";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { accountId } from "@/lib/auth/domain/actor";
import { versionOf } from "@/lib/applications/run-transition";
import { MissingScheduleError } from "@/lib/calendar/domain/calendar-errors";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-working-day-calendar";
import { ValidationError } from "@/lib/errors/app-error";
import { parseNoticeHeader } from "./domain/notice-input";
import { DEFAULT_POSTING_WORKING_DAYS, postingWindow } from "./domain/posting-window";
import { NoticeChangedError, NoticePublishedError } from "./notice-errors";
import { loadNoticeFor } from "./notice-access";

/**
 * 发布公示 — publishNotice(ctx, noticeId, { version })
 * Permission: notices.manage; notice within the jurisdiction; a draft with rows and a complete header.
 * Publishes today (the context's Beijing date): stores published_on, the window (5 working days by the
 * database calendar, the publication day counting as day 1 when it is a working day — domain/posting-window.ts)
 * and freezes the draft's rows as reviewed. Returns { publishedOn, windowStart, windowEnd, version }.
 * The policy record has no public-period field today, so the window is the 5 working days of 003 §三(八).
 */
export async function publishNotice(ctx: UseCaseContext, noticeId: unknown, input: { version?: unknown }) {
  const notice = await loadNoticeFor(ctx, noticeId, "notices.manage");
  if (notice.status === "published") throw new NoticePublishedError();
  const version = versionOf(input.version);
  const header = parseNoticeHeader(notice as unknown as Record<string, unknown>, true);
  if (!header.ok) throw new ValidationError(header.field, `${header.message}后再发布`);
  const rows = await listNoticeRows(ctx.db, notice.id);
  if (rows.length === 0) throw new ValidationError("rows", "该公示没有救助对象，不能发布");
  const on = todayOf(ctx);
  let window;
  try {
    window = postingWindow(on, await loadWorkingDayCalendar(ctx.db), DEFAULT_POSTING_WORKING_DAYS);
  } catch (err) {
    if (err instanceof MissingScheduleError) throw new ValidationError("publishedOn", `${err.message}，才能计算公示期`);
    throw err;
  }
  await inTransaction(ctx.db, async (tx) => {
    const ok = await updateDraftIfVersion(tx, notice.id, version, {
      status: "published",
      publishedOn: on,
      windowStart: window.start,
      windowEnd: window.end,
      postingWorkingDays: window.workingDays,
      publishedBy: accountId(ctx.actor),
      publishedAt: new Date(),
    });
    if (!ok) throw new NoticeChangedError();
    await insertAudit(tx, auditRow(ctx.actor, { action: "notices.publish", objectType: "notice", objectId: notice.id, detail: { year: notice.year, quarter: notice.quarter, village: notice.villageCode, rows: rows.length, windowStart: window.start, windowEnd: window.end } }));
  });
  return { publishedOn: on, windowStart: window.start, windowEnd: window.end, version: version + 1 };
}
