import { endSession } from "@/db/queries/user-sessions";
import type { Db } from "@/db";

/**
 * Logout: ends the server-side session the cookie names. Called from
 * next-auth's signOut event, which both the 退出登录 button and a plain
 * POST /api/auth/signout trigger.
 */
export async function endSessionOnLogout(db: Db, token: Record<string, unknown> | null | undefined, now = new Date()): Promise<boolean> {
  return typeof token?.sid === "string" ? endSession(db, token.sid, "logout", now) : false;
}
