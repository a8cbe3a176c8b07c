import { insertAudit } from "@/db/queries/audit";
import { clearGuard, findGuard } from "@/db/queries/login-guards";
import { findTotp, passSecondFactor, takeTotpStep, unusedRecoveryCodes, spendRecoveryCode } from "@/db/queries/second-factor";
import { endSession, findSession } from "@/db/queries/user-sessions";
import { findUserById } from "@/db/queries/users";
import type { Db } from "@/db";
import { auditRow } from "@/lib/audit/audit-entry";
import { idCrypto } from "@/lib/crypto/data-keys";
import type { Actor } from "./domain/actor";
import { readCode, recoveryCodeMatches, SECOND_FACTOR_WAIT_MS } from "./domain/second-factor";
import { authPolicy, lockedUntil, type AuthPolicy } from "./domain/session-policy";
import { checkTotp } from "./totp";
import { countLoginFailure, ipGuardKey, userGuardKey } from "./verify-login";

export type SecondFactorAttempt = { sid: string; userId: string; code: unknown; ip: string | null; userAgent: string | null };

export type SecondFactorResult =
  | { ok: true; method: "totp" | "recovery"; recoveryCodesLeft?: number }
  /** A wrong, reused or malformed code: the session still waits. */
  | { ok: false; reason: "invalid" | "malformed" }
  /** The account is locked or the address throttled: the waiting session has ended. */
  | { ok: false; reason: "locked" | "throttled"; until: Date }
  /** No session waits for a code (ended, timed out, or already passed). */
  | { ok: false; reason: "no_session" };

/**
 * The second step of a sign-in (等保 双因素鉴别): the session a correct
 * password opened serves nothing until a code of the user's authenticator app
 * (each time step once: a code seen is not accepted again) or an unused
 * recovery code (each once) is accepted. A wrong code counts toward the same
 * lock and throttle as a wrong password (verify-login.ts), and a lock ends
 * the waiting session. Every attempt is audited, never with the code.
 */
export async function verifySecondFactor(
  db: Db,
  attempt: SecondFactorAttempt,
  opts: { now?: Date; policy?: AuthPolicy } = {},
): Promise<SecondFactorResult> {
  const now = opts.now ?? new Date();
  const policy = opts.policy ?? authPolicy();
  const session = await findSession(db, attempt.sid);
  const user = await findUserById(db, attempt.userId);
  if (!session || !user || session.userId !== user.id || session.endedAt || !session.awaitingSecondFactor) return { ok: false, reason: "no_session" };
  if (now.getTime() - session.createdAt.getTime() > SECOND_FACTOR_WAIT_MS || user.status !== "active") {
    await endSession(db, session.id, "idle", now);
    return { ok: false, reason: "no_session" };
  }
  const actor: Actor = { kind: "user", user, ip: attempt.ip, userAgent: attempt.userAgent };
  const record = (outcome: "success" | "refused", detail: Record<string, unknown>) =>
    insertAudit(db, auditRow(actor, { action: "auth.second_factor", objectType: "user", objectId: user.id, outcome, detail }));
  const userKey = userGuardKey(user.username);
  const ipKey = ipGuardKey(attempt.ip);

  const blocked = lockedUntil(await findGuard(db, ipKey), now);
  const locked = lockedUntil(await findGuard(db, userKey), now);
  if (blocked || locked) {
    await endSession(db, session.id, "user_changed", now);
    await record("refused", { reason: locked ? "locked" : "address throttled" });
    return locked ? { ok: false, reason: "locked", until: locked } : { ok: false, reason: "throttled", until: blocked! };
  }

  const typed = readCode(attempt.code);
  if (typed.kind === "invalid") return { ok: false, reason: "malformed" };

  let accepted = false;
  let recoveryCodesLeft: number | undefined;
  if (typed.kind === "totp") {
    const totp = await findTotp(db, user.id);
    if (totp?.enabledAt) {
      const step = await checkTotp(idCrypto().open(totp.secretSealed), typed.code, totp.lastStep, now);
      accepted = step !== null && (await takeTotpStep(db, user.id, step));
    }
  } else {
    const codes = await unusedRecoveryCodes(db, user.id);
    const match = codes.find((c) => recoveryCodeMatches(typed.code, c));
    accepted = !!match && (await spendRecoveryCode(db, match.id, now));
    if (accepted) recoveryCodesLeft = codes.length - 1;
  }

  if (accepted && (await passSecondFactor(db, session.id))) {
    await clearGuard(db, userKey);
    await record("success", { method: typed.kind, ...(recoveryCodesLeft !== undefined ? { recoveryCodesLeft } : {}) });
    return { ok: true, method: typed.kind, ...(recoveryCodesLeft !== undefined ? { recoveryCodesLeft } : {}) };
  }

  const outcome = await countLoginFailure(db, userKey, ipKey, now, policy);
  await record("refused", { method: typed.kind, reason: typed.kind === "totp" ? "wrong or reused code" : "wrong or used recovery code" });
  const audit = (action: string, detail: Record<string, unknown>) =>
    insertAudit(db, auditRow(actor, { action, objectType: "user", objectId: user.id, outcome: "refused", detail: { ...detail, username: user.username } }));
  if (outcome.userLocked) await audit("auth.lock", { reason: `连续 ${policy.lockThreshold} 次登录失败（含动态验证码错误）`, until: outcome.userLocked.toISOString() });
  if (outcome.ipThrottled) await audit("auth.throttle", { reason: "同一地址登录失败过多", until: outcome.ipThrottled.toISOString() });
  if (outcome.userLocked || outcome.ipThrottled) {
    await endSession(db, session.id, "user_changed", now);
    return outcome.userLocked ? { ok: false, reason: "locked", until: outcome.userLocked } : { ok: false, reason: "throttled", until: outcome.ipThrottled! };
  }
  return { ok: false, reason: "invalid" };
}
