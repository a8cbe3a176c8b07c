import { insertAudit } from "@/db/queries/audit";
import { findUserByUsername } from "@/db/queries/users";
import type { Db } from "@/db";
import { auditRow } from "@/lib/audit/audit-entry";
import { verifyPassword } from "./password";

export type LoginAttempt = { username: string; password: string; ip: string | null; userAgent: string | null };

/** Checks the credentials and audits the attempt; returns what the session token holds, or null. */
export async function verifyLogin(db: Db, attempt: LoginAttempt): Promise<{ uid: string; sv: number } | null> {
  const user = await findUserByUsername(db, attempt.username);
  const ok = !!user && user.status === "active" && (await verifyPassword(attempt.password, user.passwordHash));
  const actor = user
    ? {
        user: { ...user, status: user.status },
        ip: attempt.ip,
        userAgent: attempt.userAgent,
      }
    : null;
  await insertAudit(
    db,
    auditRow(actor, {
      action: "auth.login",
      objectType: "user",
      objectId: user?.id,
      outcome: ok ? "success" : "refused",
      detail: ok
        ? undefined
        : { reason: !user ? "unknown user" : user.status !== "active" ? "disabled" : "wrong password", username: attempt.username.slice(0, 64) },
    }),
  );
  return ok ? { uid: user.id, sv: user.sessionVersion } : null;
}
