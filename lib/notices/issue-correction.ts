import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { insertNotice, listApprovedCasesOfTownship, replaceNoticeRows } from "@/db/queries/notices";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { accountId } from "@/lib/auth/domain/actor";
import { AppError, ValidationError } from "@/lib/errors/app-error";
import { buildNoticeRows } from "./domain/notice-rows";
import { quarterRange, type Quarter } from "./domain/quarter";
import { loadNoticeFor } from "./notice-access";

/**
 * 发布更正公示（起草）— issueCorrection(ctx, noticeId, { reason })
 * Permission: notices.manage; the corrected notice within the jurisdiction and published.
 * Creates a new DRAFT notice for the same village and quarter that references the corrected one
 * (corrects_notice_id) and says why (correction_reason); its rows are drafted again from the cases as
 * they stand now, its header copied. The old notice stays exactly as published. Publish the correction
 * with publishNotice (its own 5-working-day window). Returns { id, rows }.
 */
export async function issueCorrection(ctx: UseCaseContext, noticeId: unknown, input: { reason?: unknown }) {
  const old = await loadNoticeFor(ctx, noticeId, "notices.manage");
  if (old.status !== "published") throw new AppError("conflict", "草稿可直接修改或重新起草，只有已发布的公示才需要更正公示");
  const reason = typeof input.reason === "string" ? input.reason.trim() : "";
  if (!reason) throw new ValidationError("reason", "请填写更正原因（将印在更正公示上）");
  if ([...reason].length > 500) throw new ValidationError("reason", "更正原因不能超过 500 个字");
  const range = quarterRange({ year: old.year, quarter: old.quarter as Quarter });
  return inTransaction(ctx.db, async (tx) => {
    const cases = (await listApprovedCasesOfTownship(tx, old.townshipCode, range.from, range.to)).filter((c) => c.villageCode === old.villageCode);
    const rows = buildNoticeRows(cases);
    const id = await insertNotice(tx, {
      townshipCode: old.townshipCode,
      villageCode: old.villageCode,
      townshipName: old.townshipName,
      villageName: old.villageName,
      year: old.year,
      quarter: old.quarter,
      issuer: old.issuer,
      contactPhone: old.contactPhone,
      objectionChannel: old.objectionChannel,
      objectionTo: old.objectionTo,
      correctsNoticeId: old.id,
      correctionReason: reason,
      createdBy: accountId(ctx.actor),
    });
    await replaceNoticeRows(tx, id, rows);
    await insertAudit(tx, auditRow(ctx.actor, { action: "notices.correct", objectType: "notice", objectId: id, detail: { corrects: old.id, reason, rows: rows.length } }));
    return { id, rows: rows.length };
  });
}
