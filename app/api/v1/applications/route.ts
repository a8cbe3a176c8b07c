import type { NextRequest } from "next/server";
import { acceptApplication } from "@/lib/applications/accept-application";
import { parseIntakeBody, parseQueueQuery } from "@/lib/applications/domain/api-input";
import { listApplicationQueue } from "@/lib/applications/list-application-queue";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";

// GET  /api/v1/applications?state=&township=&page= — the caller's queue (待我处理 by
//      default; state=all or a state code; township within the jurisdiction), paged.
// POST /api/v1/applications — 受理: the intake form as JSON; answers { id, caseNo, dueOn } (201).
// The same use cases as the pages, so the same permission and jurisdiction checks (docs/api.md).

export const GET = apiRoute(["applications.view"], async (ctx, request: NextRequest) => listApplicationQueue(ctx, parseQueueQuery(request.nextUrl.searchParams)));

export const POST = apiRoute(["applications.intake"], async (ctx, request: NextRequest) => {
  const created = await acceptApplication(ctx, parseIntakeBody(await readJsonBody(request)));
  return Response.json(created, { status: 201 });
});
