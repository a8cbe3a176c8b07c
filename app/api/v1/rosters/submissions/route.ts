import { apiRoute } from "@/lib/http/api-route";
import { pageParam } from "@/lib/http/search-params";
import { listRosterSubmissions } from "@/lib/rosters/list-roster-submissions";

// GET /api/v1/rosters/submissions?month=YYYY-MM&page=N — accepted lists
// (who sent which file when, rows and changes, on time or not), newest first;
// a department sees its own, 医保 every department's.

export const GET = apiRoute(["rosters.view"], async (ctx, request) => {
  const q = request.nextUrl.searchParams;
  return listRosterSubmissions(ctx, { month: q.get("month")?.trim() || undefined, page: pageParam(q.get("page") ?? undefined) });
});
