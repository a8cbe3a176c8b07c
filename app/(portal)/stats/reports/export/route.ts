import type { NextRequest } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { fileDownload } from "@/lib/http/file-download";
import { exportReport } from "@/lib/statistics/reports/export-report";

// GET /stats/reports/export?report=quarterly&period=2026-Q3&division=… — one report as .xlsx (session only).
export const GET = apiRoute(["stats.view"], async (ctx, request: NextRequest) => {
  const q = request.nextUrl.searchParams;
  const get = (k: string) => q.get(k) ?? undefined;
  const { fileName, body } = await exportReport(ctx, { report: get("report"), period: get("period"), division: get("division") });
  return fileDownload(body, fileName);
}, { sessionOnly: true });
