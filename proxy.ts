import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextMiddleware, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/next-auth-config";
import { contentSecurityPolicy, newNonce } from "@/lib/http/content-security-policy";
import { httpsSettings } from "@/lib/http/https-settings";
import { takePublicRequest } from "@/lib/http/public-rate-limit";
import { tooManyRequestsPage } from "@/lib/http/too-many-requests-page";

// Next 16's proxy (formerly middleware): sends anonymous visitors to /login,
// and gives every page its script CSP with a fresh nonce.
// `export const { auth: proxy }` fails the build (docs/development.md).
const { auth } = NextAuth(authConfig);

// The public notice pages (公示, docs/policy.md §7) need no login: they are
// rate limited here before they render, and marked noindex for crawlers on
// every answer, pages, 404s and the 429 alike.
const PUBLIC_NOTICES = /^\/gongshi(\/|$)/;
const NO_INDEX = "noindex, nofollow";

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  // The nonce travels to the render in the request's CSP header (Next puts it
  // on its scripts from there; app/layout.tsx reads headers(), so every page
  // renders per request) and back to the browser in the answer's.
  const nonce = newNonce();
  const { https, hsts } = httpsSettings();
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development", https });
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("content-security-policy", csp);
  const render = () => NextResponse.next({ request: { headers: forwarded } });

  let response: Response;
  if (PUBLIC_NOTICES.test(request.nextUrl.pathname)) {
    const take = takePublicRequest(request.headers);
    response = take.allowed
      ? render()
      : new NextResponse(tooManyRequestsPage(take.retryAfterSeconds), {
          status: 429,
          headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(take.retryAfterSeconds), "cache-control": "no-store" },
        });
    response.headers.set("x-robots-tag", NO_INDEX);
  } else {
    const checked = await (auth as unknown as NextMiddleware)(request, event);
    // next-auth answers a redirect to /login, or "go on" (x-middleware-next)
    // with the session cookie it may have refreshed: go on with the nonce.
    if (checked?.headers.get("x-middleware-next")) {
      response = render();
      for (const cookie of checked.headers.getSetCookie()) response.headers.append("set-cookie", cookie);
    } else {
      response = checked ?? render();
    }
  }
  response.headers.set("content-security-policy", csp);
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

// /api/v1 is left out: its handlers authenticate every call themselves
// (session or API token), and a proxy that runs on a POST makes Next copy the
// whole request body into memory and cut it at 10 MB — which would break
// streamed roster uploads (/api/v1/rosters/import). Its JSON answers get a
// fixed CSP from next.config.ts.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/v1/).*)"],
};
