import "server-only";
import { clientAddress } from "@/lib/http/client-address";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import type { Actor } from "./domain/actor";
import type { UseCaseContext } from "./context";
import { auth } from "./next-auth";
import { resolveSession, type ResolvedSession } from "./resolve-session-user";

const currentSession = cache(async (): Promise<ResolvedSession> => {
  const session = (await auth()) as { uid?: unknown; sv?: unknown; sid?: unknown } | null;
  return resolveSession(await getDb(), session);
});

/** The actor of this request, reloaded from the database once per request; null when signed out, expired or disabled. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const { user } = await currentSession();
  if (!user) return null;
  const h = await headers();
  return {
    kind: "user",
    user,
    ip: clientAddress(h),
    userAgent: h.get("user-agent"),
  };
});

/** For pages and server actions: the use-case context, or a redirect to the login page. */
export async function requireContext(): Promise<UseCaseContext> {
  const actor = await getActor();
  if (!actor) {
    // An expired session says so on the login page, and returns to where the user was.
    const resolved = await currentSession();
    if (resolved.user === null && resolved.expired) redirect(`/login?expired=1${await returnPath()}`);
    redirect("/login");
  }
  return { db: await getDb(), actor };
}

/** "&callbackUrl=/path" for the page the request came from (same site only), or "". */
async function returnPath(): Promise<string> {
  const h = await headers();
  try {
    const referer = new URL(h.get("referer") ?? "");
    if (referer.host !== h.get("host")) return "";
    const path = referer.pathname + referer.search;
    return path.startsWith("/") && !path.startsWith("/login") ? `&callbackUrl=${encodeURIComponent(path)}` : "";
  } catch {
    return "";
  }
}
