import type { NextRequest } from "next/server";
import { exportTimeliness } from "@/lib/applications/export-timeliness";
import { apiRoute } from "@/lib/http/api-route";
import { fileDownload } from "@/lib/http/file-download";

// GET /applications/timeliness/export?year=2026&division=… — the timeliness table as .xlsx (session only).
export const GET = apiRoute(["applications.view"], async (ctx, request: NextRequest) => {
  const q = request.nextUrl.searchParams;
  const { fileName, body } = await exportTimeliness(ctx, { year: q.get("year") ?? undefined, division: q.get("division") ?? undefined });
  return fileDownload(body, fileName);
}, { sessionOnly: true });
