import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { updateDraftIfVersion } from "@/db/queries/notices";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { ValidationError } from "@/lib/errors/app-error";
import { versionOf } from "@/lib/applications/run-transition";
import { NoticeChangedError, NoticePublishedError } from "./notice-errors";
import { loadNoticeFor } from "./notice-access";
import { parseNoticeHeader } from "./domain/notice-input";

/**
 * 编辑公示抬头 — editNoticeHeader(ctx, noticeId, { version, issuer, contactPhone, objectionChannel, objectionTo })
 * Permission: notices.manage; notice within the jurisdiction; only a draft (a published notice is never edited).
 * Returns { version } (the new version). Empty fields are allowed in a draft; publishing requires them all.
 */
export async function editNoticeHeader(ctx: UseCaseContext, noticeId: unknown, input: Record<string, unknown>) {
  const notice = await loadNoticeFor(ctx, noticeId, "notices.manage");
  if (notice.status === "published") throw new NoticePublishedError();
  const version = versionOf(input.version);
  const header = parseNoticeHeader(input, false);
  if (!header.ok) throw new ValidationError(header.field, header.message);
  const h = header.value;
  const patch = { issuer: h.issuer || null, contactPhone: h.contactPhone || null, objectionChannel: h.objectionChannel || null, objectionTo: h.objectionTo || null };
  await inTransaction(ctx.db, async (tx) => {
    if (!(await updateDraftIfVersion(tx, notice.id, version, patch))) throw new NoticeChangedError();
    await insertAudit(tx, auditRow(ctx.actor, { action: "notices.edit_header", objectType: "notice", objectId: notice.id, detail: { ...patch } }));
  });
  return { version: version + 1 };
}
