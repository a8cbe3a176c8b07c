import "server-only";
import { listAttachmentsOf } from "@/db/queries/application-attachments";
import type { UseCaseContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/domain/can";
import { ATTACHMENT_ITEM_NAMES, ATTACHMENT_ITEMS, ATTACHMENT_MAX_MB, ATTACHMENT_TYPE_NAMES, attachmentSizeText, type AttachmentItem } from "../domain/attachment-kind";
import { attachmentStepOf } from "../domain/attachment-rules";
import { coversCase } from "../domain/workflow-roles";
import { visibleCase } from "./case-access";

export type AttachmentListItem = {
  id: string;
  item: AttachmentItem;
  itemName: string;
  fileName: string;
  typeName: string;
  sizeText: string;
  uploadedAt: string;
  uploaderName: string;
};

export type AttachmentList = {
  attachments: AttachmentListItem[];
  /** Whether this user may add one now (the server decides again on upload). */
  canUpload: boolean;
  items: { value: AttachmentItem; name: string }[];
  maxMb: number;
};

/**
 * The attachments of a case the actor may see (applications.view and the
 * case's township in the jurisdiction). Names and sizes only: the file itself
 * is handed out by downloadAttachment, which audits every download.
 */
export async function listAttachments(ctx: UseCaseContext, applicationId: unknown): Promise<AttachmentList> {
  const found = await visibleCase(ctx, applicationId);
  const rows = await listAttachmentsOf(ctx.db, found.id);
  const step = attachmentStepOf(found.state);
  const user = ctx.actor.user;
  const canUpload = step !== null && can(user, step === "township" ? "applications.intake" : "applications.audit") && coversCase(user, found.townshipCode);
  return {
    attachments: rows.map((r) => ({
      id: r.id,
      item: r.item,
      itemName: ATTACHMENT_ITEM_NAMES[r.item],
      fileName: r.fileName,
      typeName: ATTACHMENT_TYPE_NAMES[r.contentType],
      sizeText: attachmentSizeText(r.sizeBytes),
      uploadedAt: r.uploadedAt.toISOString(),
      uploaderName: r.uploaderName ?? "系统",
    })),
    canUpload,
    items: ATTACHMENT_ITEMS.map((value) => ({ value, name: ATTACHMENT_ITEM_NAMES[value] })),
    maxMb: ATTACHMENT_MAX_MB,
  };
}
