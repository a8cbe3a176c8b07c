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

/** The page where a user whose password must change is sent, whatever they asked for. */
export const PASSWORD_CHANGE_PATH = "/account/password";

/**
 * For pages and server actions: the use-case context, or a redirect to the
 * login page. A user who must change their password (set by an
 * administrator, or older than PASSWORD_MAX_AGE_DAYS) is sent to the change
 * page instead, from every page and every action: nothing else runs first.
 */
export async function requireContext(): Promise<UseCaseContext> {
  const ctx = await signedInContext();
  const resolved = await currentSession();
  if (resolved.user && resolved.passwordChange) redirect(PASSWORD_CHANGE_PATH);
  if (resolved.user && resolved.secondFactorEnrolment) redirect(SECOND_FACTOR_ENROL_PATH);
  return ctx;
}

/** Where an administrator without a second factor is sent, whatever they asked for (REQUIRE_ADMIN_TOTP). */
export const SECOND_FACTOR_ENROL_PATH = "/account/security";
/** Where a session opened by the password waits for the code. */
export const SECOND_FACTOR_VERIFY_PATH = "/login/verify";

/** For /api/v1 calls made with the session cookie: an administrator who must first set up a second factor. */
export async function pendingSecondFactorEnrolment(): Promise<boolean> {
  const resolved = await currentSession();
  return !!resolved.user && resolved.secondFactorEnrolment;
}

/**
 * For /account/security and its actions: the context even while an
 * administrator's enrolment is due (a due password change comes first), and
 * whether it is due.
 */
export async function requireSecurityContext() {
  const ctx = await signedInContext();
  const resolved = await currentSession();
  if (!resolved.user) redirect("/login");
  if (resolved.passwordChange) redirect(PASSWORD_CHANGE_PATH);
  return { ctx, enrolmentDue: resolved.secondFactorEnrolment, sessionId: resolved.sid };
}

/** For /login/verify and its action: the session waiting for its code; a usable session goes home, none to the login page. */
export async function requireAwaitingSecondFactor() {
  const resolved = await currentSession();
  if (resolved.user) redirect("/");
  const waiting = "awaitingSecondFactor" in resolved ? resolved.awaitingSecondFactor : undefined;
  if (!waiting) redirect("/login");
  const h = await headers();
  return { db: await getDb(), attempt: { ...waiting, ip: clientAddress(h), userAgent: h.get("user-agent") } };
}

/** Why the signed-in user must change their password first, or null; for /api/v1 calls made with the session cookie. */
export async function pendingPasswordChange(): Promise<string | null> {
  const resolved = await currentSession();
  return resolved.user ? resolved.passwordChange : null;
}

/** For the change-password page and its action only: the context even while a change is due, why it is due, and the session to keep. */
export async function requirePasswordChangeContext() {
  const ctx = await signedInContext();
  const resolved = await currentSession();
  if (!resolved.user) redirect("/login");
  return { ctx, reason: resolved.passwordChange, sessionId: resolved.sid };
}

async function signedInContext(): Promise<UseCaseContext> {
  const actor = await getActor();
  if (!actor) {
    // An expired session says so on the login page, and returns to where the user was.
    const resolved = await currentSession();
    if (resolved.user === null && resolved.expired) redirect(`/login?expired=1${await returnPath()}`);
    if ("awaitingSecondFactor" in resolved && resolved.awaitingSecondFactor) redirect(SECOND_FACTOR_VERIFY_PATH);
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
