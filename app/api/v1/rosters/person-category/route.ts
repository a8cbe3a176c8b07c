import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { lookupPersonCategory } from "@/lib/rosters/lookup-person-category";

// POST /api/v1/rosters/person-category  { "idNumber": "…", "on"?: "YYYY-MM-DD" }
// — the CLI's `person show` over HTTP: the category on the day and the whole
// history, ID number masked in the answer. The ID number travels in the body,
// never in the URL (URLs end up in logs).

export const POST = apiRoute(["people.view"], async (ctx, request) => lookupPersonCategory(ctx, await readJsonBody(request)));
