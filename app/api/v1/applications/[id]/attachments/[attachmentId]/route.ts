import { downloadAttachment } from "@/lib/applications/attachments/download-attachment";
import { apiRoute } from "@/lib/http/api-route";
import { fileDownload } from "@/lib/http/file-download";

// GET /api/v1/applications/:id/attachments/:attachmentId — the scanned document itself, as an
// attachment (never shown inline) with its checked type and nosniff; every download audited.

type Params = { id: string; attachmentId: string };

export const GET = apiRoute<Params>(["applications.view"], async (ctx, _request, { id, attachmentId }) => {
  const file = await downloadAttachment(ctx, id, attachmentId);
  return fileDownload(file.body, file.fileName, file.contentType);
}, { sessionOnly: true, object: "application" });
