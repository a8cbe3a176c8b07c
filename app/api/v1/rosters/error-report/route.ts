import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { buildErrorReport } from "@/lib/rosters/build-error-report";
import { fileDownload } from "@/lib/http/file-download";

// POST /api/v1/rosters/error-report  { "format": "xlsx" | "csv", "errors": [{ row, column, reason }], "fileName"? }
// — the problems of a rejected upload as a file (行号, 列, 问题). Nothing of a
// rejected file is kept on the server, so the list comes from the caller.

export const POST = apiRoute(["rosters.upload"], async (ctx, request) => {
  const { fileName, body, contentType } = await buildErrorReport(ctx, await readJsonBody(request));
  return fileDownload(body, fileName, contentType);
});
