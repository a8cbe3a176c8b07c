import "server-only";
import { findAttachment } from "@/db/queries/application-attachments";
import { insertAudit } from "@/db/queries/audit";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { NotFoundError } from "@/lib/errors/app-error";
import type { AttachmentType } from "../domain/attachment-kind";
import { downloadName } from "../domain/attachment-rules";
import { readAttachmentFile } from "./attachment-store";
import { isUuid, visibleCase } from "./case-access";

export type AttachmentDownload = { fileName: string; contentType: AttachmentType; body: Buffer };

/**
 * One attachment's bytes for a user who may see the case. Every download is
 * audited (who fetched which document of which case) before the bytes are
 * handed out; an attachment of another case, or an unknown id, is not found.
 */
export async function downloadAttachment(ctx: UseCaseContext, applicationId: unknown, attachmentId: unknown): Promise<AttachmentDownload> {
  const found = await visibleCase(ctx, applicationId);
  if (!isUuid(attachmentId)) throw new NotFoundError("找不到该附件，可能链接有误。");
  const row = await findAttachment(ctx.db, found.id, attachmentId);
  if (!row) throw new NotFoundError("找不到该附件，可能已被删除或链接有误。");
  const body = await readAttachmentFile(row.storageKey);
  // The row without its file: the folder was not restored with the database. Ours, not the user's.
  if (!body) throw new Error(`attachment ${row.id} has no file in the attachments folder`);
  await insertAudit(
    ctx.db,
    auditRow(ctx.actor, {
      action: "applications.attachment_download",
      objectType: "application",
      objectId: found.id,
      detail: { caseNo: row.caseNo, attachmentId: row.id, item: row.item, contentType: row.contentType, sizeBytes: row.sizeBytes },
    }),
  );
  return { fileName: downloadName(row.fileName, row.contentType), contentType: row.contentType, body };
}
