import { endSession, findSessionWithUser, touchSession } from "@/db/queries/user-sessions";
import { holdsDemoCounty, totpEnabled } from "@/db/queries/second-factor";
import { findUserById } from "@/db/queries/users";
import type { Db } from "@/db";
import type { UserRow } from "@/db/schema";
import type { SessionUser } from "./domain/actor";
import { adminSecondFactorRequired, SECOND_FACTOR_WAIT_MS } from "./domain/second-factor";
import { passwordChangeDue, passwordMaxAgeDays, type PasswordChangeReason } from "./domain/password-policy";
import { authPolicy, needsTouch, sessionVerdict, type AuthPolicy } from "./domain/session-policy";

/**
 * The active user behind an id and session version: null for a disabled or
 * deleted user, or one whose version moved on (role, department,
 * jurisdiction or password changed). Sessions; API tokens use loadActiveAccount.
 */
export async function loadActiveUser(db: Db, who: { uid?: unknown; sv?: unknown }): Promise<SessionUser | null> {
  return (await loadActiveUserRow(db, who))?.user ?? null;
}

/** The active account behind an API token (a token carries no session version): one read of the user. */
export async function loadActiveAccount(db: Db, userId: string): Promise<SessionUser | null> {
  const row = await findUserById(db, userId);
  return row && row.status === "active" ? sessionUserOf(row) : null;
}

async function loadActiveUserRow(db: Db, who: { uid?: unknown; sv?: unknown }) {
  if (typeof who.uid !== "string" || typeof who.sv !== "number") return null;
  return activeUserRow(await findUserById(db, who.uid), who);
}

/** The row if it is the active user the claims name, at their session version. */
function activeUserRow(row: UserRow | null | undefined, who: { uid?: unknown; sv?: unknown }) {
  if (typeof who.uid !== "string" || typeof who.sv !== "number") return null;
  if (!row || row.id !== who.uid || row.status !== "active" || row.sessionVersion !== who.sv) return null;
  return { user: sessionUserOf(row), row };
}

function sessionUserOf(row: UserRow): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    department: row.department,
    role: row.role,
    jurisdiction: row.jurisdiction,
    status: row.status,
  };
}

export type SessionClaims = { uid?: unknown; sv?: unknown; sid?: unknown };

export type ResolvedSession =
  /**
   * `passwordChange`: the user must choose a new password before anything else (set by an administrator, or too old).
   * `secondFactorEnrolment`: an administrator without a second factor must set one up before anything else (REQUIRE_ADMIN_TOTP).
   */
  | { user: SessionUser; sid: string; passwordChange: PasswordChangeReason | null; secondFactorEnrolment: boolean }
  /** The cookie named a session that has ended: the login page says why. */
  | { user: null; expired: "idle" | "absolute" | "ended" }
  /** `awaitingSecondFactor`: the password was right, the code is still due; nothing else is served. */
  | { user: null; expired: null; awaitingSecondFactor?: { userId: string; sid: string } };

/**
 * Reloads the session's user from the database. The cookie carries the user
 * id, the session version and the server-side session id; the session must
 * still be open, not idle past the idle limit and not older than the
 * absolute limit. A session found idle or too old is ended on the spot.
 */
export async function resolveSession(
  db: Db,
  claims: SessionClaims | null | undefined,
  opts: { now?: Date; policy?: AuthPolicy; maxAgeDays?: number; requireAdminTotp?: boolean } = {},
): Promise<ResolvedSession> {
  if (!claims || typeof claims.sid !== "string") return { user: null, expired: null };
  const now = opts.now ?? new Date();
  // The session and its user in one query: one round trip on every signed-in request, not two.
  const joined = await findSessionWithUser(db, claims.sid);
  const session = joined?.session;
  if (!session || session.userId !== claims.uid) return { user: null, expired: null };
  const verdict = sessionVerdict(session, now, opts.policy ?? authPolicy());
  if (verdict !== "open") {
    if (verdict !== "ended") await endSession(db, session.id, verdict, now);
    return { user: null, expired: verdict };
  }
  const found = activeUserRow(joined.user, claims);
  if (!found) {
    await endSession(db, session.id, "user_changed", now);
    return { user: null, expired: null };
  }
  if (session.awaitingSecondFactor) {
    if (now.getTime() - session.createdAt.getTime() > SECOND_FACTOR_WAIT_MS) {
      await endSession(db, session.id, "idle", now);
      return { user: null, expired: null };
    }
    return { user: null, expired: null, awaitingSecondFactor: { userId: found.user.id, sid: session.id } };
  }
  if (needsTouch(session.lastSeenAt, now)) await touchSession(db, session.id, now);
  const passwordChange = passwordChangeDue(found.row, now, opts.maxAgeDays ?? passwordMaxAgeDays(process.env));
  const secondFactorEnrolment =
    found.user.role === "admin" && (opts.requireAdminTotp ?? (await adminTotpRequired(db))) && !(await totpEnabled(db, found.user.id));
  return { user: found.user, sid: session.id, passwordChange, secondFactorEnrolment };
}

// Whether the database holds the demo county is asked once per database handle.
const demoCounty = new WeakMap<Db, Promise<boolean>>();

/** REQUIRE_ADMIN_TOTP, or by default: required unless this is the demo county's database (lib/auth/domain/second-factor.ts). */
export async function adminTotpRequired(db: Db): Promise<boolean> {
  const raw = process.env.REQUIRE_ADMIN_TOTP?.trim();
  if (raw) return adminSecondFactorRequired(process.env, false);
  let demo = demoCounty.get(db);
  if (!demo) {
    demo = holdsDemoCounty(db);
    demoCounty.set(db, demo);
  }
  return adminSecondFactorRequired(process.env, await demo);
}

export async function resolveSessionUser(db: Db, claims: SessionClaims | null | undefined, opts: { now?: Date; policy?: AuthPolicy } = {}): Promise<SessionUser | null> {
  return (await resolveSession(db, claims, opts)).user;
}
