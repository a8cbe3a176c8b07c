import type { NextRequest } from "next/server";
import { getClaimsErrorFile } from "@/lib/claims/get-claims-error-file";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { CSV_TYPE, fileDownload, XLSX_TYPE } from "@/lib/http/file-download";

// POST /claims/import/errors — the problems the page was shown, as a file.
export const POST = apiRoute(["claims.import"], async (ctx, request: NextRequest) => {
  const { fileName, body } = await getClaimsErrorFile(ctx, await readJsonBody(request));
  return fileDownload(body, fileName, fileName.endsWith(".csv") ? CSV_TYPE : XLSX_TYPE);
}, { sessionOnly: true });
