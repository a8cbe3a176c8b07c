import { getApplication } from "@/lib/applications/get-application";
import { apiRoute } from "@/lib/http/api-route";

// GET /api/v1/applications/{id} — one case as its page shows it (masked ID, phone and account;
// history, clock, the actions the caller may take); 404 for an unknown id, 403 outside the jurisdiction.
export const GET = apiRoute<{ id: string }>(["applications.view"], async (ctx, _request, params) => getApplication(ctx, params.id), { object: "application" });
