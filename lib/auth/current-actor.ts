import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import type { Actor } from "./actor";
import type { UseCaseContext } from "./context";
import { auth } from "./next-auth";
import { resolveSessionUser } from "./resolve-session-user";

/** The actor of this request, reloaded from the database once per request; null when signed out or disabled. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = (await auth()) as { uid?: unknown; sv?: unknown } | null;
  const user = await resolveSessionUser(await getDb(), session);
  if (!user) return null;
  const h = await headers();
  return {
    user,
    ip: h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? h.get("x-real-ip") ?? null,
    userAgent: h.get("user-agent"),
  };
});

/** For pages and server actions: the use-case context, or a redirect to the login page. */
export async function requireContext(): Promise<UseCaseContext> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return { db: await getDb(), actor };
}
