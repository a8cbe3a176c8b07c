import "server-only";
import { createHash } from "node:crypto";
import { clientAddress } from "@/lib/http/client-address";
import { takeApiAddress, takeApiCall, tooManyApiCallsMessage, type RateVerdict } from "@/lib/http/rate-limit";
import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db";
import type { Actor } from "@/lib/auth/domain/actor";
import type { UseCaseContext } from "@/lib/auth/context";
import { getActor, pendingPasswordChange, pendingSecondFactorEnrolment } from "@/lib/auth/current-actor";
import type { Action } from "@/lib/auth/domain/permissions";
import { actorFromToken } from "@/lib/auth/token-actor";
import { AppError, ForbiddenError, HTTP_STATUS } from "@/lib/errors/app-error";

// Every /api/v1 route handler goes through this wrapper: it resolves the actor
// (session cookie, or an API token an administrator issued), hands the
// use-case context to the handler, and maps errors to JSON with a status:
// a user's mistake is a 4xx with a clear message naming the field, never a
// stack trace; anything else is a 500 with a reference for the server log.
// Calls are rate limited (lib/http/rate-limit.ts): per client address before
// authentication (behind a trusted proxy), then per API token or per user;
// over the limit, 429 with Retry-After and the Chinese message.

export type ApiHandler<P> = (ctx: UseCaseContext, request: NextRequest, params: P) => Promise<unknown>;

export function apiError(status: number, error: string, field?: string) {
  return NextResponse.json(field ? { error, field } : { error }, { status });
}

export function apiRoute<P = Record<string, string>>(tokenActions: readonly Action[], handler: ApiHandler<P>) {
  return async (request: NextRequest, context: { params: Promise<P> }) => {
    try {
      const byAddress = takeApiAddress(request.headers);
      if (!byAddress.allowed) return tooManyCalls(byAddress);
      const actor = await resolveActor(request, tokenActions);
      if (!actor) return apiError(401, "未登录或令牌无效：请先登录，或在 Authorization 头中提供有效的 Bearer 令牌。");
      if (actor === "token-scope") return apiError(403, "该令牌无权调用此接口。");
      const byCaller = takeApiCall(callerKey(request, actor));
      if (!byCaller.allowed) return tooManyCalls(byCaller);
      const result = await handler({ db: await getDb(), actor }, request, await context.params);
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (err) {
      if (err instanceof AppError) return apiError(HTTP_STATUS[err.code], err.message, err.field);
      const ref = Math.random().toString(36).slice(2, 10);
      console.error(`[api] ${ref} ${request.method} ${request.nextUrl.pathname}:`, err instanceof Error ? err.message : err);
      return apiError(500, `系统内部错误，请稍后重试（编号 ${ref}）。`);
    }
  };
}

function tooManyCalls(verdict: RateVerdict) {
  const response = apiError(429, tooManyApiCallsMessage(verdict.retryAfterSeconds));
  response.headers.set("retry-after", String(verdict.retryAfterSeconds));
  return response;
}

/** Whose budget a call spends: the API token's (each token its own), or the signed-in user's. */
function callerKey(request: NextRequest, actor: Actor): string {
  if (actor.kind !== "api_token") return `user:${actor.user.id}`;
  const token = request.headers.get("authorization")?.slice(7).trim() ?? "";
  return `token:${createHash("sha256").update(token).digest("hex").slice(0, 32)}`;
}

async function resolveActor(request: NextRequest, tokenActions: readonly Action[]): Promise<Actor | "token-scope" | null> {
  const header = request.headers.get("authorization");
  if (header?.toLowerCase().startsWith("bearer ")) {
    const found = await actorFromToken(await getDb(), header.slice(7).trim(), {
      ip: clientAddress(request.headers),
      userAgent: request.headers.get("user-agent"),
    });
    if (!found) return null;
    return tokenActions.some((a) => found.allowedActions.includes(a)) ? found.actor : "token-scope";
  }
  const actor = await getActor();
  // A session whose password must change first calls nothing else (the pages redirect; here, a 403 that says why).
  if (actor && (await pendingPasswordChange())) throw new ForbiddenError("请先修改密码：您的密码已过期或由管理员设置，修改后才能继续使用（账户 → 修改密码）。");
  if (actor && (await pendingSecondFactorEnrolment())) throw new ForbiddenError("请先设置双因素鉴别：系统管理员须绑定动态验证码后才能继续使用（账户安全）。");
  return actor;
}
