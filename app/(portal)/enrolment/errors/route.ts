import type { NextRequest } from "next/server";
import { buildEnrolmentErrorReport } from "@/lib/enrolment/build-enrolment-error-report";
import { fileDownload } from "@/lib/http/file-download";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";

// POST /enrolment/errors — the problems the page was shown, as an .xlsx.
export const POST = apiRoute(["enrolment.manage"], async (ctx, request: NextRequest) => {
  const { fileName, body } = await buildEnrolmentErrorReport(ctx, await readJsonBody(request));
  return fileDownload(body, fileName);
}, { sessionOnly: true });
