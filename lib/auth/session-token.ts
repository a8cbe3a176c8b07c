import { decode as decodeJwt, encode as encodeJwt, type JWT, type JWTDecodeParams, type JWTEncodeParams } from "next-auth/jwt";

// next-auth's session cookie is an encrypted JWT (A256CBC-HS512 under a key
// derived from AUTH_SECRET by HKDF). With the JWT strategy Auth.js decrypts it
// and encrypts a new one on every request that asks for the session — in the
// proxy and again in the page or route handler — only to move its expiry on;
// it has no `session.updateAge` for JWTs. Under load that was ~9 % of the
// server's CPU (docs/benchmarks.md, soak). These two replace Auth.js's
// `jwt.encode` / `jwt.decode` (lib/auth/next-auth-config.ts):
//
// - decode: a cookie already decrypted in this process is answered from
//   memory until its own `exp` (the same string gives the same claims; a
//   cookie is accepted exactly when Auth.js would accept it, by Auth.js's own
//   decode the first time). Bounded: the oldest entries go first.
// - encode: the claims of a cookie just decoded, unchanged by the callbacks,
//   are answered with that same cookie while it has more than
//   maxAge − SESSION_COOKIE_UPDATE_AGE_S left: the cookie is re-issued (a new
//   expiry) at most once per SESSION_COOKIE_UPDATE_AGE_S, as `updateAge` does
//   for database sessions. A sign-in, or changed claims, is always a new token.
//
// Nothing about who may do what depends on the cookie's expiry: every request
// still reloads the server-side session and the user (resolve-session-user.ts:
// idle 30 min, absolute 12 h, logout, a changed session version), and the
// cookie's own lifetime (maxAge = the absolute limit) still holds: re-used
// only while more than 11 of its 12 hours are left, it never outlives a
// session that is still open.

/** Seconds between two re-issues of a session cookie that is in use. */
export const SESSION_COOKIE_UPDATE_AGE_S = 60 * 60;
const MAX_DECODED = 10_000;

type Decoded = { claims: Readonly<JWT>; exp: number };
/** salt (the cookie's name) + token → its claims; insertion order is age. */
const decoded = new Map<string, Decoded>();
/** A copy handed to Auth.js → the token it came from and its claims as JSON (to see an unchanged token at encode). */
const origin = new WeakMap<object, { token: string; json: string }>();

function handOut(token: string, claims: Readonly<JWT>): JWT {
  const copy: JWT = { ...claims };
  origin.set(copy, { token, json: JSON.stringify(claims) });
  return copy;
}

export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  const { token, salt } = params;
  if (!token) return null;
  const key = `${salt}\u0000${token}`;
  const nowS = Date.now() / 1000;
  const hit = decoded.get(key);
  if (hit && hit.exp > nowS) return handOut(token, hit.claims);
  if (hit) decoded.delete(key);
  const claims = await decodeJwt(params);
  if (!claims) return null;
  if (typeof claims.exp === "number" && claims.exp > nowS) {
    if (decoded.size >= MAX_DECODED) decoded.delete(decoded.keys().next().value!);
    decoded.set(key, { claims: Object.freeze({ ...claims }), exp: claims.exp });
  }
  return handOut(token, claims);
}

export async function encodeSessionToken(params: JWTEncodeParams): Promise<string> {
  const { token, maxAge } = params;
  const from = token ? origin.get(token) : undefined;
  if (from && typeof token?.exp === "number" && typeof maxAge === "number") {
    const left = token.exp - Date.now() / 1000;
    if (left > maxAge - SESSION_COOKIE_UPDATE_AGE_S && JSON.stringify(token) === from.json) return from.token;
  }
  return encodeJwt(params);
}
