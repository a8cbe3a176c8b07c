import { z } from "zod";
import { ValidationError } from "@/lib/errors/app-error";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { consolidateMonth } from "@/lib/rosters/consolidate-month";

// POST /api/v1/rosters/consolidate  { "month": "YYYY-MM" } — 汇总比对 of a
// month (医保 clerk). Answers with the CLI contract's JSON (`roster
// consolidate`) plus rankingFrom, the policy version whose ranking decided.

const body = z.object({ month: z.string() });

export const POST = apiRoute(["rosters.consolidate"], async (ctx, request) => {
  const parsed = body.safeParse(await readJsonBody(request));
  if (!parsed.success) throw new ValidationError("month", "请求体应为 { \"month\": \"YYYY-MM\" }，如 { \"month\": \"2025-10\" }");
  return consolidateMonth(ctx, parsed.data.month.trim());
});
