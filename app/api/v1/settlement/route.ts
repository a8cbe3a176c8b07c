import { NextResponse, type NextRequest } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { JSON_BODY_LIMIT, readBodyText } from "@/lib/http/read-json-body";
import { ContractInputError } from "@/lib/policies/domain/contract-input-error";
import { settleForApi } from "@/lib/policies/settle-for-api";

// POST /api/v1/settlement — the CLI's `settle` JSON in and out
// (docs/cli.md). For signed-in users with 救助试算 and API tokens
// an administrator issued for it. A mistake is a 400 with the contract's line
// in `error`, its field path in `field` and the Chinese in `message`.

export const POST = apiRoute(["settlement.trial"], async (ctx, request: NextRequest) => {
  const viaToken = request.headers.get("authorization")?.toLowerCase().startsWith("bearer ") ?? false;
  try {
    return await settleForApi(ctx, await readBodyText(request, JSON_BODY_LIMIT), { viaToken });
  } catch (err) {
    if (err instanceof ContractInputError) return NextResponse.json(err.body(), { status: 400 });
    throw err;
  }
});
