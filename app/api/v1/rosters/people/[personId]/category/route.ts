import { apiRoute } from "@/lib/http/api-route";
import { personCategoryOn } from "@/lib/rosters/person-category-on";

// GET /api/v1/rosters/people/{personId}/category?on=YYYY-MM-DD — the person's
// consolidated category on a day (default today, Beijing). The person is named
// by the portal's id, never by the ID number (which stays out of URLs).

export const GET = apiRoute<{ personId: string }>(["people.view"], async (ctx, request, params) =>
  personCategoryOn(ctx, params.personId, request.nextUrl.searchParams.get("on") ?? undefined),
{ object: "person" });
