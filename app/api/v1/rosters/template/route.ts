import { apiRoute } from "@/lib/http/api-route";
import { downloadRosterTemplate } from "@/lib/rosters/download-roster-template";
import { fileDownload } from "@/lib/http/file-download";

// GET /api/v1/rosters/template — the .xlsx template of the caller's department.

export const GET = apiRoute(["rosters.upload"], async (ctx) => {
  const { fileName, body } = await downloadRosterTemplate(ctx);
  return fileDownload(body, fileName);
});
