// The client's address for audit rows and the login throttle. Behind the
// reverse proxy a deployment runs (README: production), the proxy appends the
// address it saw to X-Forwarded-For; the last entry is therefore the one no
// client can forge (a client may send its own header, which only adds entries
// in front). Without a proxy, no header: the address is unknown.
export function clientAddress(headers: { get(name: string): string | null }): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).pop();
  return last ?? headers.get("x-real-ip")?.trim() ?? null;
}
