import type { NextRequest } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { fileDownload } from "@/lib/http/file-download";
import { exportFigureTable } from "@/lib/statistics/export-figure-table";

// GET /stats/export?table=payments-month&division=…&period=2026-Q3 — one dashboard table as .xlsx (session only).
export const GET = apiRoute(["stats.view"], async (ctx, request: NextRequest) => {
  const q = request.nextUrl.searchParams;
  const get = (k: string) => q.get(k) ?? undefined;
  const { fileName, body } = await exportFigureTable(ctx, { table: get("table"), division: get("division"), period: get("period"), from: get("from"), to: get("to") });
  return fileDownload(body, fileName);
}, { sessionOnly: true });
