import "server-only";
import { join } from "node:path";
import { findCaseForAttachments, insertAttachment } from "@/db/queries/application-attachments";
import { insertAudit } from "@/db/queries/audit";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { accountId } from "@/lib/auth/domain/actor";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { AppError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors/app-error";
import { cleanUploadName, writeUpload } from "@/lib/uploads/save-upload";
import { withUploadDir } from "@/lib/uploads/upload-temp";
import { ATTACHMENT_ITEM_NAMES, ATTACHMENT_MAX_BYTES, attachmentTooLarge, EMPTY_ATTACHMENT, isAttachmentItem, sniffAttachmentType, SNIFF_BYTES, WRONG_ATTACHMENT_ITEM, wrongAttachmentType, type AttachmentItem, type AttachmentType } from "../domain/attachment-kind";
import { attachmentStepOf, closedForAttachments } from "../domain/attachment-rules";
import { coversCase } from "../domain/workflow-roles";
import { isUuid } from "./case-access";
import { digestOf, headOf, removeAttachmentFile, storeAttachmentFile } from "./attachment-store";

export type UploadAttachmentInput = {
  applicationId: unknown;
  item: unknown;
  fileName: string;
  /** The file's bytes as they arrive (the upload stream): written to a private temporary file under the limit. */
  file: AsyncIterable<Uint8Array>;
};

export type UploadedAttachment = { id: string; item: AttachmentItem; itemName: string; fileName: string; contentType: AttachmentType; sizeBytes: number };

/**
 * Adds a scanned document to a case. Who may (lib/applications/domain/attachment-rules.ts):
 * the township clerk of the case's township while the township has it, the
 * county reviewer while the county audits it. The permission, the item and
 * the jurisdiction are checked before a byte is read; the upload goes through
 * the one upload pipeline (streamed to a private temporary file, cut at
 * 20 MB), its type is decided by its first bytes, and only then is it copied
 * into the attachments folder under a random key, with its row and audit row
 * in one transaction (the file is removed again if that fails).
 */
export async function uploadAttachment(ctx: UseCaseContext, input: UploadAttachmentInput): Promise<UploadedAttachment> {
  const objectId = typeof input.applicationId === "string" ? input.applicationId.slice(0, 36) : "";
  await requirePermission(ctx, "applications.view", { objectType: "application", objectId });
  if (!isUuid(input.applicationId)) throw new NotFoundError("找不到该申请，可能链接有误。");
  const found = await findCaseForAttachments(ctx.db, input.applicationId);
  if (!found) throw new NotFoundError("找不到该申请，可能链接有误。");
  const step = attachmentStepOf(found.state);
  if (step === null) throw new AppError("conflict", closedForAttachments(found.state), "file");
  const action = step === "township" ? "applications.intake" : "applications.audit";
  await requirePermission(ctx, action, { objectType: "application", objectId: found.id });
  await requireWithin(ctx, found.townshipCode, action, { objectType: "application", objectId: found.id });
  // A clerk at county level is not the clerk of the case's township (workflow-roles.ts).
  if (!coversCase(ctx.actor.user, found.townshipCode)) throw new ForbiddenError("只有该案件所属乡镇（街道）的经办员可在乡镇办理阶段上传附件。");
  if (!isAttachmentItem(input.item)) throw new ValidationError("item", WRONG_ATTACHMENT_ITEM);
  const item = input.item;
  const fileName = cleanUploadName(input.fileName, `${ATTACHMENT_ITEM_NAMES[item]}扫描件`);

  return withUploadDir("attachment", async (dir) => {
    const path = join(dir, "upload.bin");
    await writeUpload(input.file, path, ATTACHMENT_MAX_BYTES, attachmentTooLarge(null));
    const contentType = sniffAttachmentType(await headOf(path, SNIFF_BYTES));
    const { size, sha256 } = await digestOf(path);
    if (size === 0) throw new ValidationError("file", EMPTY_ATTACHMENT);
    if (!contentType) throw new ValidationError("file", wrongAttachmentType(fileName));
    const key = await storeAttachmentFile(path);
    try {
      const created = await inTransaction(ctx.db, async (tx) => {
        const row = await insertAttachment(tx, { applicationId: found.id, item, fileName, contentType, sizeBytes: size, sha256, storageKey: key, uploadedBy: accountId(ctx.actor) });
        await insertAudit(
          tx,
          auditRow(ctx.actor, {
            action: "applications.attachment_upload",
            objectType: "application",
            objectId: found.id,
            // Not the file name: it may carry the applicant's name.
            detail: { caseNo: found.caseNo, attachmentId: row.id, item, contentType, sizeBytes: size, sha256 },
          }),
        );
        return row;
      });
      return { id: created.id, item, itemName: ATTACHMENT_ITEM_NAMES[item], fileName, contentType, sizeBytes: size };
    } catch (err) {
      await removeAttachmentFile(key);
      throw err;
    }
  });
}

