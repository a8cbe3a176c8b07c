import { and, asc, eq } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { applicationAttachments, applications, users } from "../schema";

// The scanned attachments of an application. Every read comes with the case's
// township, so the use case checks the jurisdiction before anything is shown.

export type AttachmentInsert = typeof applicationAttachments.$inferInsert;

/** The case an attachment is added to or listed for: its township, state and number. */
export async function findCaseForAttachments(db: Db | Tx, applicationId: string) {
  const [row] = await db
    .select({ id: applications.id, caseNo: applications.caseNo, townshipCode: applications.townshipCode, state: applications.state })
    .from(applications)
    .where(eq(applications.id, applicationId));
  return row ?? null;
}

export async function insertAttachment(tx: Tx, row: AttachmentInsert): Promise<{ id: string; uploadedAt: Date }> {
  const [created] = await tx.insert(applicationAttachments).values(row).returning({ id: applicationAttachments.id, uploadedAt: applicationAttachments.uploadedAt });
  return created!;
}

export async function listAttachmentsOf(db: Db | Tx, applicationId: string) {
  return db
    .select({
      id: applicationAttachments.id,
      item: applicationAttachments.item,
      fileName: applicationAttachments.fileName,
      contentType: applicationAttachments.contentType,
      sizeBytes: applicationAttachments.sizeBytes,
      uploadedAt: applicationAttachments.uploadedAt,
      uploaderName: users.displayName,
    })
    .from(applicationAttachments)
    .leftJoin(users, eq(users.id, applicationAttachments.uploadedBy))
    .where(eq(applicationAttachments.applicationId, applicationId))
    .orderBy(asc(applicationAttachments.uploadedAt), asc(applicationAttachments.id));
}

/** One attachment of one case (both ids must match), with the case's township for the jurisdiction check. */
export async function findAttachment(db: Db | Tx, applicationId: string, attachmentId: string) {
  const [row] = await db
    .select({
      id: applicationAttachments.id,
      item: applicationAttachments.item,
      fileName: applicationAttachments.fileName,
      contentType: applicationAttachments.contentType,
      sizeBytes: applicationAttachments.sizeBytes,
      sha256: applicationAttachments.sha256,
      storageKey: applicationAttachments.storageKey,
      caseNo: applications.caseNo,
      townshipCode: applications.townshipCode,
    })
    .from(applicationAttachments)
    .innerJoin(applications, eq(applications.id, applicationAttachments.applicationId))
    .where(and(eq(applicationAttachments.id, attachmentId), eq(applicationAttachments.applicationId, applicationId)));
  return row ?? null;
}
