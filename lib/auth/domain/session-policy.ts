// Login and session limits (等保: 登录失败处理, 连接超时自动退出) as data, and the
// pure rules that apply them. The database side is db/queries/login-guards.ts
// and db/queries/user-sessions.ts; the use cases are verify-login.ts and
// resolve-session-user.ts. Every limit can be set from the environment.

export type AuthPolicy = {
  /** Consecutive failures of one username before it is locked. */
  lockThreshold: number;
  lockMs: number;
  /** Failures from one address within the window before the address is throttled for a window. */
  ipMaxFailures: number;
  ipWindowMs: number;
  idleMs: number;
  absoluteMs: number;
};

const MINUTE = 60_000;

function positive(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number (got "${raw}")`);
  return n;
}

export function authPolicyFrom(env: Record<string, string | undefined>): AuthPolicy {
  return {
    lockThreshold: Math.round(positive(env, "AUTH_LOCKOUT_THRESHOLD", 5)),
    lockMs: positive(env, "AUTH_LOCKOUT_MINUTES", 15) * MINUTE,
    ipMaxFailures: Math.round(positive(env, "AUTH_IP_MAX_FAILURES", 30)),
    ipWindowMs: positive(env, "AUTH_IP_WINDOW_MINUTES", 15) * MINUTE,
    idleMs: positive(env, "AUTH_IDLE_MINUTES", 30) * MINUTE,
    absoluteMs: positive(env, "AUTH_ABSOLUTE_HOURS", 12) * 60 * MINUTE,
  };
}

export function authPolicy(): AuthPolicy {
  return authPolicyFrom(process.env);
}

export type GuardState = { failures: number; windowStartedAt: Date; lockedUntil: Date | null };

/** Until when the key is locked, or null. */
export function lockedUntil(state: GuardState | null | undefined, now: Date): Date | null {
  return state?.lockedUntil && state.lockedUntil > now ? state.lockedUntil : null;
}

/**
 * The counter after one more failure. A lock that has run out, or a window
 * that has passed (`windowMs`; null: failures count until a success), starts
 * the count over; reaching `limit` locks for `lockMs` and resets the count.
 */
export function afterFailure(
  state: GuardState | null | undefined,
  now: Date,
  rule: { limit: number; windowMs: number | null; lockMs: number },
): { state: GuardState; locked: boolean } {
  const stale =
    !state ||
    (state.lockedUntil !== null && state.lockedUntil <= now) ||
    (rule.windowMs !== null && now.getTime() - state.windowStartedAt.getTime() > rule.windowMs);
  const current = stale ? { failures: 0, windowStartedAt: now, lockedUntil: null } : state;
  const failures = current.failures + 1;
  if (failures >= rule.limit) return { state: { failures: 0, windowStartedAt: now, lockedUntil: new Date(now.getTime() + rule.lockMs) }, locked: true };
  return { state: { ...current, failures }, locked: false };
}

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; endedAt: Date | null };
export type SessionVerdict = "open" | "ended" | "idle" | "absolute";

export function sessionVerdict(s: SessionTimes, now: Date, policy: Pick<AuthPolicy, "idleMs" | "absoluteMs">): SessionVerdict {
  if (s.endedAt) return "ended";
  if (now.getTime() - s.createdAt.getTime() >= policy.absoluteMs) return "absolute";
  if (now.getTime() - s.lastSeenAt.getTime() >= policy.idleMs) return "idle";
  return "open";
}

/** last_seen_at is written at most once a minute: a page makes several requests, each would write. */
export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= MINUTE;
}

/** "23:45" or "12月2日 00:10" in Beijing time, for "try again after …". */
export function beijingClock(at: Date, now: Date): string {
  const fmt = (d: Date, opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", ...opts }).format(d);
  const sameDay = fmt(at, { dateStyle: "short" }) === fmt(now, { dateStyle: "short" });
  const time = fmt(at, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return sameDay ? time : `${fmt(at, { month: "numeric", day: "numeric" })} ${time}`;
}
