import type { NextRequest } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { fileDownload } from "@/lib/http/file-download";
import { exportPolicySimulation } from "@/lib/policies/export-policy-simulation";

// GET …/simulate/export?from=2025-01-01&to=2025-12-31 — the simulation's tables as a workbook (audited).
export const GET = apiRoute<{ policyId: string; version: string }>(["policies.edit"], async (ctx, request: NextRequest, params) => {
  const q = request.nextUrl.searchParams;
  const { fileName, body } = await exportPolicySimulation(ctx, params, { from: q.get("from"), to: q.get("to") });
  return fileDownload(body, fileName);
}, { sessionOnly: true, object: "policy" });
