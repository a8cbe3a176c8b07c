import { randomBytes } from "node:crypto";
import { insertAudit } from "@/db/queries/audit";
import { clearGuard, findGuard, lockGuard, saveGuard } from "@/db/queries/login-guards";
import { insertSession } from "@/db/queries/user-sessions";
import { totpEnabled } from "@/db/queries/second-factor";
import { findUserByUsername } from "@/db/queries/users";
import { inTransaction } from "@/db/transaction";
import type { Db } from "@/db";
import { auditRow } from "@/lib/audit/audit-entry";
import type { Actor } from "./domain/actor";
import { verifyPassword } from "./domain/password";
import { afterFailure, authPolicy, lockedUntil, type AuthPolicy } from "./domain/session-policy";

export type LoginAttempt = { username: string; password: string; ip: string | null; userAgent: string | null };

export type LoginResult =
  /** `secondFactor`: the session serves nothing until a code is accepted (verify-second-factor.ts). */
  | { ok: true; uid: string; sv: number; sid: string; secondFactor: boolean }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked" | "throttled"; until: Date };

// A bcrypt hash of the same cost as real ones, of a password nobody has: an
// unknown username costs the same comparison as a known one, so the answer's
// timing does not tell which usernames exist.
const NO_SUCH_USER_HASH = "$2b$10$TblYeoea0jhdA7tRs63M8.6tRCvghoDEhjT3YGSVMvSavd88iIVJq";

export const userGuardKey = (username: string) => `user:${username.trim().toLowerCase().slice(0, 64)}`;
export const ipGuardKey = (ip: string | null) => `ip:${(ip ?? "unknown").slice(0, 100)}`;

/**
 * Checks the credentials, applies the lock and the per-address throttle, and
 * audits the attempt; on success opens a server-side session. The lock is
 * kept per username as typed (known or not): an unknown name is answered,
 * locked and timed exactly like a known one.
 */
export async function verifyLogin(
  db: Db,
  attempt: LoginAttempt,
  opts: { now?: Date; policy?: AuthPolicy } = {},
): Promise<LoginResult> {
  const now = opts.now ?? new Date();
  const policy = opts.policy ?? authPolicy();
  const userKey = userGuardKey(attempt.username);
  const ipKey = ipGuardKey(attempt.ip);
  const user = await findUserByUsername(db, attempt.username);
  const actor: Actor | null = user ? { kind: "user", user: { ...user, status: user.status }, ip: attempt.ip, userAgent: attempt.userAgent } : null;
  // Rows of attempts on unknown names have no user but still name the address.
  const record = (action: string, outcome: "success" | "refused", detail?: Record<string, unknown>) =>
    insertAudit(db, {
      ...auditRow(actor, { action, objectType: "user", objectId: user?.id, outcome, detail: { ...detail, username: attempt.username.slice(0, 64) } }),
      ip: attempt.ip,
      userAgent: attempt.userAgent?.slice(0, 300) ?? null,
    });

  const throttled = lockedUntil(await findGuard(db, ipKey), now);
  if (throttled) {
    await record("auth.login", "refused", { reason: "address throttled" });
    return { ok: false, reason: "throttled", until: throttled };
  }

  const passwordOk = await verifyPassword(attempt.password, user?.passwordHash ?? NO_SUCH_USER_HASH);
  const locked = lockedUntil(await findGuard(db, userKey), now);
  if (locked) {
    await record("auth.login", "refused", { reason: "locked" });
    return { ok: false, reason: "locked", until: locked };
  }

  const ok = !!user && user.status === "active" && passwordOk;
  if (ok) {
    const sid = randomBytes(32).toString("base64url");
    // With a second factor the password alone opens a session that waits for
    // the code, and the failure count stays: it is cleared only when the code
    // is accepted, so wrong codes and wrong passwords lock the account together.
    const secondFactor = await totpEnabled(db, user.id);
    await inTransaction(db, async (tx) => {
      if (!secondFactor) await clearGuard(tx, userKey);
      await insertSession(tx, { id: sid, userId: user.id, ip: attempt.ip, now, awaitingSecondFactor: secondFactor });
    });
    await record("auth.login", "success", secondFactor ? { secondFactor: "pending" } : undefined);
    return { ok: true, uid: user.id, sv: user.sessionVersion, sid, secondFactor };
  }

  const reason = !user ? "unknown user" : user.status !== "active" ? "disabled" : "wrong password";
  const outcome = await countLoginFailure(db, userKey, ipKey, now, policy);
  await record("auth.login", "refused", { reason });
  if (outcome.userLocked) await record("auth.lock", "refused", { reason: `连续 ${policy.lockThreshold} 次登录失败`, until: outcome.userLocked.toISOString() });
  if (outcome.ipThrottled) await record("auth.throttle", "refused", { reason: "同一地址登录失败过多", until: outcome.ipThrottled.toISOString() });
  if (outcome.userLocked) return { ok: false, reason: "locked", until: outcome.userLocked };
  if (outcome.ipThrottled) return { ok: false, reason: "throttled", until: outcome.ipThrottled };
  return { ok: false, reason: "invalid" };
}

/**
 * One more failure against the username's lock and the address's throttle
 * (a wrong password, and a wrong second-factor code alike); says whether it
 * locked either.
 */
export async function countLoginFailure(db: Db, userKey: string, ipKey: string, now: Date, policy: AuthPolicy) {
  return inTransaction(db, async (tx) => {
    const u = afterFailure(await lockGuard(tx, userKey), now, { limit: policy.lockThreshold, windowMs: null, lockMs: policy.lockMs });
    await saveGuard(tx, userKey, u.state);
    const a = afterFailure(await lockGuard(tx, ipKey), now, { limit: policy.ipMaxFailures, windowMs: policy.ipWindowMs, lockMs: policy.ipWindowMs });
    await saveGuard(tx, ipKey, a.state);
    return { userLocked: u.locked ? u.state.lockedUntil : null, ipThrottled: a.locked ? a.state.lockedUntil : null };
  });
}
