import type { NextRequest } from "next/server";
import { exportUnenrolled } from "@/lib/enrolment/export-unenrolled";
import { fileDownload } from "@/lib/http/file-download";
import { apiRoute } from "@/lib/http/api-route";

// GET /unenrolled/export?year=2027&township=…&village=…&status=open|closed|all — the 未参保 list as .xlsx.
export const GET = apiRoute(["enrolment.work"], async (ctx, request: NextRequest) => {
  const q = request.nextUrl.searchParams;
  const { fileName, body } = await exportUnenrolled(ctx, { year: q.get("year") ?? "", township: q.get("township") || undefined, village: q.get("village") || undefined, status: q.get("status") || undefined });
  return fileDownload(body, fileName);
}, { sessionOnly: true });
