import type { NextRequest } from "next/server";
import { exportLedger } from "@/lib/enrolment/export-ledger";
import { fileDownload } from "@/lib/http/file-download";
import { apiRoute } from "@/lib/http/api-route";

// GET /enrolment/export?year=2027&township=… — the year's 参保台账 as .xlsx.
export const GET = apiRoute(["enrolment.manage"], async (ctx, request: NextRequest) => {
  const q = request.nextUrl.searchParams;
  const { fileName, body } = await exportLedger(ctx, { year: q.get("year") ?? "", township: q.get("township") || undefined });
  return fileDownload(body, fileName);
}, { sessionOnly: true });
