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
import { can } from "@/lib/auth/domain/can";
import { requirePermission } from "@/lib/auth/require-permission";

// Every /api/v1 route handler goes through this wrapper: it resolves the actor
// (session cookie, or an API token an administrator issued), hands the
// use-case context to the handler, and maps errors to JSON with a status:
// a user's mistake is a 4xx with a clear message naming the field, never a
// stack trace; anything else is a 500 with a reference for the server log.
// Calls are rate limited (lib/http/rate-limit.ts): per client address before
// authentication (behind a trusted proxy), then per API token or per user;
// over the limit, 429 with Retry-After and the Chinese message.
//
// Each route names the permissions of the matrix its use cases ask for. A
// caller who holds none of them (a signed-in role outside the matrix, or a
// token without that scope) is refused with 403, and the refusal audited,
// before the handler reads the query, the body or an upload: a role without
// the permission learns nothing about what input the route would take, and
// sends no file to the server's disk. The use case then checks again, with
// the exact permission, the workflow post and the jurisdiction.

export type ApiHandler<P> = (ctx: UseCaseContext, request: NextRequest, params: P) => Promise<unknown>;
export type ApiRouteOptions = {
  /** Signed-in users only: an API token is refused whatever its scope (downloads of the pages, uploads from the browser). */
  sessionOnly?: boolean;
  /**
   * The kind of record the path's first parameter names ("person", "application", …): a refusal
   * before the handler is then audited against that record, as the use case would have audited it,
   * so the audit log lists the refused attempt under the person or case. Without it, under the route.
   */
  object?: string;
};

export function apiError(status: number, error: string, field?: string) {
  return NextResponse.json(field ? { error, field } : { error }, { status });
}

export function apiRoute<P = Record<string, string>>(
  actions: readonly [Action, ...Action[]],
  handler: ApiHandler<P>,
  options: ApiRouteOptions = {},
) {
  const tokenActions = options.sessionOnly ? [] : actions;
  return async (request: NextRequest, context: { params: Promise<P> }) => {
    try {
      const byAddress = takeApiAddress(request.headers);
      if (!byAddress.allowed) return tooManyCalls(byAddress);
      const actor = await resolveActor(request, tokenActions);
      if (!actor) return apiError(401, "未登录或令牌无效：请先登录，或在 Authorization 头中提供有效的 Bearer 令牌。");
      if (actor === "token-scope") return apiError(403, "该令牌无权调用此接口。");
      const byCaller = takeApiCall(callerKey(request, actor));
      if (!byCaller.allowed) return tooManyCalls(byCaller);
      const ctx: UseCaseContext = { db: await getDb(), actor };
      const params = await context.params;
      // The matrix before the input (see above); requirePermission audits the refusal and throws the 403.
      if (!actions.some((a) => can(actor.user, a))) {
        const named = options.object ? Object.values(params as Record<string, unknown>)[0] : undefined;
        await requirePermission(
          ctx,
          actions[0],
          typeof named === "string" && options.object
            ? { objectType: options.object, objectId: named.slice(0, 64) }
            : { objectType: "route", objectId: `${request.method} ${request.nextUrl.pathname}`.slice(0, 200) },
        );
      }
      const result = await handler(ctx, request, params);
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
