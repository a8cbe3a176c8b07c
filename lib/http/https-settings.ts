// Whether users reach the portal over https (docs/security.md, README production).

/**
 * PORTAL_HTTPS=1: users reach the portal over https, TLS ending at the
 * reverse proxy. Then pages carry Strict-Transport-Security (HSTS_MAX_AGE
 * seconds, default one year) and upgrade-insecure-requests, and the session
 * cookies are Secure whatever the proxy forwards (lib/auth/next-auth-config.ts).
 * Unset, none of these: the app on plain http (the embedded demo, an intranet
 * without TLS) must not tell browsers to insist on https.
 */
export function httpsSettings(env: Record<string, string | undefined> = process.env): { https: boolean; hsts: string | null } {
  const raw = (env.PORTAL_HTTPS ?? "").trim().toLowerCase();
  if (raw === "" || raw === "0" || raw === "false") return { https: false, hsts: null };
  if (raw !== "1" && raw !== "true") throw new Error(`PORTAL_HTTPS must be unset, 0/false or 1/true (got "${env.PORTAL_HTTPS}")`);
  const maxAgeRaw = env.HSTS_MAX_AGE ?? "31536000";
  const maxAge = Number(maxAgeRaw);
  if (!Number.isInteger(maxAge) || maxAge < 0) throw new Error(`HSTS_MAX_AGE must be a whole number of seconds (got "${maxAgeRaw}")`);
  return { https: true, hsts: maxAge > 0 ? `max-age=${maxAge}` : null };
}
