import { downloadEnrolmentTemplate } from "@/lib/enrolment/download-enrolment-template";
import { fileDownload } from "@/lib/http/file-download";
import { apiRoute } from "@/lib/http/api-route";

// GET /enrolment/template — the enrolment file template (.xlsx).
export const GET = apiRoute(["enrolment.manage"], async (ctx) => {
  const { fileName, body } = await downloadEnrolmentTemplate(ctx);
  return fileDownload(body, fileName);
}, { sessionOnly: true });
