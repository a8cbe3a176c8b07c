import { apiRoute } from "@/lib/http/api-route";
import { getRosterBoard } from "@/lib/rosters/get-roster-board";

// GET /api/v1/rosters/board — the monthly board: per month the deadline, the
// consolidation due date and status, and per department sent or not, on time,
// late or missing (judged against today in Beijing time).

export const GET = apiRoute(["rosters.view"], async (ctx) => getRosterBoard(ctx));
