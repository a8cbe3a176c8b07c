import { listAttachments } from "@/lib/applications/attachments/list-attachments";
import { uploadAttachment } from "@/lib/applications/attachments/upload-attachment";
import { ATTACHMENT_MAX_BYTES, attachmentTooLarge } from "@/lib/applications/domain/attachment-kind";
import { apiRoute } from "@/lib/http/api-route";
import { readUploadRequest } from "@/lib/uploads/upload-request";

// GET  /api/v1/applications/:id/attachments — the case's scanned documents (names, sizes, who added them).
// POST /api/v1/applications/:id/attachments — multipart/form-data: `item` (identity, certification,
// diagnosis, history, receipts or other), then `file` (PDF/JPEG/PNG by content, ≤ 20 MB), through the
// one upload pipeline (a declared length over the limit is refused before reading). Signed-in staff only.

type Params = { id: string };

export const GET = apiRoute<Params>(["applications.view"], async (ctx, _request, { id }) => listAttachments(ctx, id), { sessionOnly: true, object: "application" });

export const POST = apiRoute<Params>(["applications.view"], async (ctx, request, { id }) => {
  const upload = await readUploadRequest(request, {
    maxBytes: ATTACHMENT_MAX_BYTES,
    tooLarge: attachmentTooLarge,
    form: { fields: "item、file", file: "附件", formats: "（PDF、JPEG 或 PNG）" },
  });
  try {
    return await uploadAttachment(ctx, { applicationId: id, item: upload.fields.item, fileName: upload.file.fileName, file: upload.file.stream });
  } catch (err) {
    upload.discard();
    throw err;
  }
}, { sessionOnly: true, object: "application" });
