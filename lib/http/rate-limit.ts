import { clientAddress, trustedProxyHops, type HeaderSource } from "@/lib/http/client-address";
import { TokenBuckets } from "@/lib/http/domain/token-bucket";

// Per-process rate limits (token buckets, lib/http/domain/token-bucket.ts) of
// the API and the login. One server process serves the portal; with several
// app servers each allows the limit on its own (docs/scaling.md). Every limit
// is read from the environment when it is used, so a change takes effect
// without a rebuild; 0 turns a limit off (the HTTP benchmarks do).
//
//   API_RATE_PER_MINUTE            600   /api/v1 calls per API token, or per signed-in user (session cookie)
//   API_ADDRESS_RATE_PER_MINUTE   1200   /api/v1 calls per client address, before authentication;
//                                        only behind a trusted proxy (TRUSTED_PROXY), since
//                                        without one the address is unknown
//   LOGIN_RATE_PER_MINUTE           10   sign-in attempts per client address; with no trusted
//                                        proxy all attempts share one bucket of 10× that
//
// Each key may spend a minute's worth at once, then refills evenly. The
// login's failure lock and per-address throttle (lib/auth/verify-login.ts)
// stay as they are: this limit comes before the password is even hashed.

export type RateVerdict = { allowed: boolean; retryAfterSeconds: number };
const ALLOWED: RateVerdict = { allowed: true, retryAfterSeconds: 0 };

export function perMinuteSetting(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number of requests per minute, 0 for no limit (got "${raw}")`);
  return n;
}

/** One limit of this process: `perMinute` requests per key, read from `envName` at each use. */
export class ProcessRateLimit {
  private buckets: TokenBuckets | null = null;
  private perMinute = -1;

  constructor(
    private readonly envName: string,
    private readonly fallback: number,
    /** The bucket's rate relative to the setting (the login's shared bucket is 10×). */
    private readonly factor = 1,
  ) {}

  take(key: string, nowMs = Date.now()): RateVerdict {
    const perMinute = perMinuteSetting(process.env, this.envName, this.fallback) * this.factor;
    if (perMinute === 0) return ALLOWED;
    if (perMinute !== this.perMinute || !this.buckets) {
      this.buckets = new TokenBuckets({ capacity: Math.max(1, perMinute), refillPerSecond: perMinute / 60 });
      this.perMinute = perMinute;
    }
    const { allowed, retryAfterSeconds } = this.buckets.take(key, nowMs);
    return { allowed, retryAfterSeconds };
  }
}

const apiCaller = new ProcessRateLimit("API_RATE_PER_MINUTE", 600);
const apiAddress = new ProcessRateLimit("API_ADDRESS_RATE_PER_MINUTE", 1200);
const loginByAddress = new ProcessRateLimit("LOGIN_RATE_PER_MINUTE", 10);
const loginShared = new ProcessRateLimit("LOGIN_RATE_PER_MINUTE", 10, 10);

/** An /api/v1 call from this address, before authentication: limited only when a trusted proxy tells the address. */
export function takeApiAddress(headers: HeaderSource, nowMs = Date.now()): RateVerdict {
  const address = clientAddress(headers, trustedProxyHops());
  return address ? apiAddress.take(address, nowMs) : ALLOWED;
}

/** An authenticated /api/v1 call: `caller` is "token:<hash>" or "user:<id>". */
export function takeApiCall(caller: string, nowMs = Date.now()): RateVerdict {
  return apiCaller.take(caller, nowMs);
}

/** A sign-in attempt from `address` (null: unknown, the shared bucket). */
export function takeLoginAttempt(address: string | null, nowMs = Date.now()): RateVerdict {
  return address ? loginByAddress.take(address, nowMs) : loginShared.take("unknown", nowMs);
}

/** The 429 message of the API, in Chinese, with the wait. */
export function tooManyApiCallsMessage(retryAfterSeconds: number): string {
  return `请求过于频繁：已超过接口调用频率限制，请在 ${retryAfterSeconds} 秒后重试。`;
}
