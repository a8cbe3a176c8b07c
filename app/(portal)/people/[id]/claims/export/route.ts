import type { NextRequest } from "next/server";
import { exportClaimsYear } from "@/lib/claims/export-claims-year";
import { apiRoute } from "@/lib/http/api-route";
import { download, XLSX_TYPE } from "@/lib/claims/download-response";

// GET /people/[id]/claims/export?year=2026 — the year view as a workbook.
export const GET = apiRoute<{ id: string }>([], async (ctx, request: NextRequest, params) => {
  const { fileName, body } = await exportClaimsYear(ctx, params.id, request.nextUrl.searchParams.get("year") ?? undefined);
  return download(body, fileName, XLSX_TYPE);
});
