import type { NextRequest } from "next/server";
import { todayOf } from "@/lib/auth/context";
import { apiRoute } from "@/lib/http/api-route";
import { parseStatsQuery } from "@/lib/statistics/domain/stats-query";
import { getCoverageFigure } from "@/lib/statistics/get-coverage-figure";

// GET /api/v1/stats/coverage?division=&period=&from=&to= — the dashboard's CoverageFigure
// (lib/statistics/domain/dashboard.ts; definitions in docs/statistics.md), for a
// session or an API token with stats.view, within the caller's jurisdiction (docs/api.md).
export const GET = apiRoute(["stats.view"], async (ctx, request: NextRequest) => getCoverageFigure(ctx, parseStatsQuery(request.nextUrl.searchParams, todayOf(ctx))));
