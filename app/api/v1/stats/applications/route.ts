import type { NextRequest } from "next/server";
import { todayOf } from "@/lib/auth/context";
import { apiRoute } from "@/lib/http/api-route";
import { parseStatsQuery } from "@/lib/statistics/domain/stats-query";
import { getApplicationsFigure } from "@/lib/statistics/get-applications-figure";

// GET /api/v1/stats/applications?division=&period=&from=&to= — the dashboard's ApplicationsFigure
// (lib/statistics/domain/dashboard.ts; definitions in docs/statistics.md), for a
// session or an API token with stats.view, within the caller's jurisdiction (docs/api.md).
export const GET = apiRoute(["stats.view"], async (ctx, request: NextRequest) => getApplicationsFigure(ctx, parseStatsQuery(request.nextUrl.searchParams, todayOf(ctx))));
