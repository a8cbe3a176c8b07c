import type { NextRequest } from "next/server";
import { exportAuditLog } from "@/lib/audit/export-audit-log";
import { apiRoute } from "@/lib/http/api-route";
import { fileDownload } from "@/lib/http/file-download";

// GET /audit/export?from=2026-06-01&to=2026-11-30[&username=…&action=…] — the audit log of a period as .xlsx with its hash chain (security auditor; session only).
export const GET = apiRoute(["audit.export"], async (ctx, request: NextRequest) => {
  const q = request.nextUrl.searchParams;
  const { fileName, body } = await exportAuditLog(ctx, {
    from: q.get("from") ?? undefined,
    to: q.get("to") ?? undefined,
    username: q.get("username") ?? undefined,
    action: q.get("action") ?? undefined,
  });
  return fileDownload(body, fileName);
}, { sessionOnly: true });
