import { isIP } from "node:net";

// The client's address for audit rows, sessions, the login throttle and the
// rate limits. Only a reverse proxy the deployment trusts can tell it:
//
// - Next 16 gives route handlers and the proxy no socket address
//   (NextRequest.ip is gone since Next 15). `next start` copies the socket's
//   address into X-Forwarded-For only when the request carries none
//   (base-server: `x-forwarded-for ??= socket.remoteAddress`), so a client
//   that sends its own header replaces the peer: without a trusted proxy the
//   header proves nothing, and the address is unknown (null).
// - TRUSTED_PROXY=N (1 or `true` for one reverse proxy, 2 for a load balancer
//   in front of nginx …) says N proxies each append the address they saw to
//   X-Forwarded-For. The client's address is then the N-th entry from the
//   right, the one the outermost trusted proxy wrote; entries further left
//   are the client's own and are ignored. X-Real-IP is read only when no
//   X-Forwarded-For came. The app's port must be reachable from the proxy
//   alone (README, production).

export type HeaderSource = { get(name: string): string | null };

/** How many trusted proxies stand in front of the app (TRUSTED_PROXY): 0 when unset. */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = (env.TRUSTED_PROXY ?? "").trim().toLowerCase();
  if (raw === "" || raw === "0" || raw === "false") return 0;
  if (raw === "true") return 1;
  if (/^[1-9]$/.test(raw)) return Number(raw);
  throw new Error(`TRUSTED_PROXY must be unset, 0/false, 1/true or the number of trusted proxies 1–9 (got "${env.TRUSTED_PROXY}")`);
}

/** The client's address as the trusted proxy saw it, or null when there is no trusted proxy or no valid address. */
export function clientAddress(headers: HeaderSource, hops: number = trustedProxyHops()): string | null {
  if (hops <= 0) return null;
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded !== null) {
    const entries = forwarded.split(",").map((s) => s.trim());
    return entries.length >= hops ? valid(entries[entries.length - hops]) : null;
  }
  return valid(headers.get("x-real-ip")?.trim() ?? null);
}

function valid(address: string | null | undefined): string | null {
  return address && address.length <= 45 && isIP(address) !== 0 ? address : null;
}
