import { apiRoute } from "@/lib/http/api-route";
import { exportConsolidationList } from "@/lib/rosters/export-consolidation-list";
import { fileDownload } from "@/lib/http/file-download";

// GET /api/v1/rosters/consolidations/YYYY-MM/export?list=added|removed|changed|conflicts|persons
// — one list of a consolidated month as .xlsx (ID numbers masked; audited).

export const GET = apiRoute<{ month: string }>(["rosters.consolidate"], async (ctx, request, params) => {
  const { fileName, body } = await exportConsolidationList(ctx, { month: params.month, list: request.nextUrl.searchParams.get("list") ?? "" });
  return fileDownload(body, fileName);
}, { object: "consolidation" });
