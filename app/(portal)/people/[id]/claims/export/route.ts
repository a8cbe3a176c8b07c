import type { NextRequest } from "next/server";
import { exportClaimsYear } from "@/lib/claims/export-claims-year";
import { apiRoute } from "@/lib/http/api-route";
import { fileDownload } from "@/lib/http/file-download";

// GET /people/[id]/claims/export?year=2026 — the year view as a workbook.
export const GET = apiRoute<{ id: string }>(["claims.view"], async (ctx, request: NextRequest, params) => {
  const { fileName, body } = await exportClaimsYear(ctx, params.id, request.nextUrl.searchParams.get("year") ?? undefined);
  return fileDownload(body, fileName);
}, { sessionOnly: true, object: "person" });
