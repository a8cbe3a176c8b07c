import type { NextRequest } from "next/server";
import { ValidationError } from "@/lib/errors/app-error";
import { apiRoute } from "@/lib/http/api-route";
import { REPORT_KINDS, type ReportKind } from "@/lib/statistics/reports/domain/report-rows";
import { getAnnualReport } from "@/lib/statistics/reports/get-annual-report";
import { getMonthlyReport } from "@/lib/statistics/reports/get-monthly-report";
import { getQuarterlyReport } from "@/lib/statistics/reports/get-quarterly-report";

// GET /api/v1/stats/reports/{monthly|quarterly|annual}?period=…&division=… — the report the
// /stats/reports page shows (its tables and rows, docs/statistics.md 报表) as JSON, for a session
// or an API token with stats.view, within the caller's jurisdiction: the same report use cases,
// so the same checks (403 for another township, 400 naming the field). docs/api.md.
const LOADERS = { monthly: getMonthlyReport, quarterly: getQuarterlyReport, annual: getAnnualReport } as const;

export const GET = apiRoute<{ kind: string }>(["stats.view"], async (ctx, request: NextRequest, params) => {
  if (!(REPORT_KINDS as readonly string[]).includes(params.kind)) {
    throw new ValidationError("kind", "报表类型应为 monthly（月报）、quarterly（季报）或 annual（年度汇总）");
  }
  const q = request.nextUrl.searchParams;
  return LOADERS[params.kind as ReportKind](ctx, { period: q.get("period") ?? undefined, division: q.get("division") ?? undefined });
});
