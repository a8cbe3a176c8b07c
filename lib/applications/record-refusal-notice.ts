import "server-only";
import { updateApplicationIfVersion } from "@/db/queries/applications";
import { insertAudit } from "@/db/queries/audit";
import { refusalOf } from "@/db/queries/payment-batches";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/domain/can";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { isIsoDate } from "@/lib/calendar/domain/iso-date";
import { AppError, NotFoundError, ValidationError } from "@/lib/errors/app-error";
import { isNoticeChannel, NOTICE_CHANNEL_NAMES } from "./domain/notice-channels";
import { ApplicationChangedError, versionOf } from "./run-transition";

// 登记告知情况: how and when the applicant was told of the refusal (the
// 不予救助告知书 handed over, posted, read out by phone or sent by SMS). The
// township clerk of the case's township or the county may record it; a
// correction replaces it, and the audit row keeps what it was before.

export async function recordRefusalNotice(ctx: UseCaseContext, applicationId: unknown, input: { version?: unknown; notifiedOn?: unknown; channel?: unknown }) {
  const id = typeof applicationId === "string" ? applicationId : "";
  const permission = can(ctx.actor.user, "applications.audit") ? "applications.audit" : "applications.intake";
  await requirePermission(ctx, permission, { objectType: "application", objectId: id.slice(0, 36) });
  const version = versionOf(input.version);
  const notifiedOn = typeof input.notifiedOn === "string" ? input.notifiedOn.trim() : "";
  if (!isIsoDate(notifiedOn)) throw new ValidationError("notifiedOn", "请填写告知日期，格式 YYYY-MM-DD");
  if (notifiedOn > todayOf(ctx)) throw new ValidationError("notifiedOn", `告知日期 ${notifiedOn} 晚于今天`);
  if (!isNoticeChannel(input.channel)) throw new ValidationError("channel", "请选择告知方式：当面、邮寄、电话或短信");
  const channel = input.channel;

  const row = /^[0-9a-f-]{36}$/i.test(id) ? await refusalOf(ctx.db, id) : null;
  if (!row) throw new NotFoundError("找不到该申请，可能链接有误。");
  await requireWithin(ctx, row.townshipCode, permission, { objectType: "application", objectId: id });
  if (row.state !== "refused") throw new AppError("conflict", "该申请未作不予救助决定，无需登记告知情况");
  if (row.refusedOn && notifiedOn < row.refusedOn) throw new ValidationError("notifiedOn", `告知日期 ${notifiedOn} 早于不予救助决定日期 ${row.refusedOn}`);
  if (row.version !== version) throw new ApplicationChangedError();

  await inTransaction(ctx.db, async (tx) => {
    if (!(await updateApplicationIfVersion(tx, id, version, { notifiedOn, notifiedChannel: channel }))) throw new ApplicationChangedError();
    await insertAudit(
      tx,
      auditRow(ctx.actor, {
        action: "applications.record_notice",
        objectType: "application",
        objectId: id,
        detail: { caseNo: row.caseNo, notifiedOn, channel, before: row.notifiedOn ? { notifiedOn: row.notifiedOn, channel: row.notifiedChannel } : null },
      }),
    );
  });
  return { version: version + 1, notifiedOn, channel, channelName: NOTICE_CHANNEL_NAMES[channel] };
}
