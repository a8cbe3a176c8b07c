import { NextResponse, type NextRequest } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { JSON_BODY_LIMIT, readBodyText } from "@/lib/http/read-json-body";
import { ContractInputError } from "@/lib/policies/domain/contract-input-error";
import { subsidyForApi } from "@/lib/policies/subsidy-for-api";

// POST /api/v1/subsidy — the CLI's `subsidy` JSON in and out
// (docs/cli.md); same access and error shape as /api/v1/settlement.

export const POST = apiRoute(["settlement.trial"], async (ctx, request: NextRequest) => {
  const viaToken = request.headers.get("authorization")?.toLowerCase().startsWith("bearer ") ?? false;
  try {
    return await subsidyForApi(ctx, await readBodyText(request, JSON_BODY_LIMIT), { viaToken });
  } catch (err) {
    if (err instanceof ContractInputError) return NextResponse.json(err.body(), { status: 400 });
    throw err;
  }
});
