import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextMiddleware, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/next-auth-config";
import { takePublicRequest } from "@/lib/http/public-rate-limit";
import { tooManyRequestsPage } from "@/lib/http/too-many-requests-page";

// Next 16's proxy (formerly middleware): sends anonymous visitors to /login.
// `export const { auth: proxy }` fails the build (docs/development.md).
const { auth } = NextAuth(authConfig);

// The public notice pages (公示, docs/policy.md §7) need no login: they are
// rate limited here before they render, and marked noindex for crawlers on
// every answer, pages, 404s and the 429 alike.
const PUBLIC_NOTICES = /^\/gongshi(\/|$)/;
const NO_INDEX = "noindex, nofollow";

export function proxy(request: NextRequest, event: NextFetchEvent) {
  if (!PUBLIC_NOTICES.test(request.nextUrl.pathname)) return (auth as unknown as NextMiddleware)(request, event);
  const take = takePublicRequest(request.headers);
  if (!take.allowed) {
    return new NextResponse(tooManyRequestsPage(take.retryAfterSeconds), {
      status: 429,
      headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(take.retryAfterSeconds), "x-robots-tag": NO_INDEX, "cache-control": "no-store" },
    });
  }
  const response = NextResponse.next();
  response.headers.set("x-robots-tag", NO_INDEX);
  return response;
}

// /api/v1 is left out: its handlers authenticate every call themselves
// (session or API token), and a proxy that runs on a POST makes Next copy the
// whole request body into memory and cut it at 10 MB — which would break
// streamed roster uploads (/api/v1/rosters/import).
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/v1/).*)"],
};
