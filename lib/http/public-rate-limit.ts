import { clientAddress, trustedProxyHops } from "@/lib/http/client-address";
import { TokenBuckets } from "@/lib/http/domain/token-bucket";

// The rate limit of the public pages (/gongshi), applied in proxy.ts before
// any page renders. In process: one server process serves the portal (the
// embedded database admits one), so a Map is the whole state.
//
// Which address: X-Forwarded-For is only believed when TRUSTED_PROXY says a
// reverse proxy appends it (README, production) — then the entry the proxy
// added (lib/http/client-address.ts). Without it any client
// could send a new forged address per request and never be limited, and
// Next gives no socket address, so all anonymous visitors share one larger
// bucket: a flood slows the public page for everyone but cannot reach the database.

const perMinute = positive(process.env.PUBLIC_RATE_PER_MINUTE, 60);
const perClient = new TokenBuckets({ capacity: Math.max(10, Math.ceil(perMinute / 2)), refillPerSecond: perMinute / 60 });
const shared = new TokenBuckets({ capacity: perMinute * 5, refillPerSecond: (perMinute * 10) / 60 }, 1);

function positive(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Takes one request of the public pages; `retryAfterSeconds` > 0 when it must be refused (429). */
export function takePublicRequest(headers: { get(name: string): string | null }, nowMs = Date.now()): { allowed: boolean; retryAfterSeconds: number } {
  const address = clientAddress(headers, trustedProxyHops());
  const result = address ? perClient.take(address, nowMs) : shared.take("all", nowMs);
  return { allowed: result.allowed, retryAfterSeconds: result.retryAfterSeconds };
}
