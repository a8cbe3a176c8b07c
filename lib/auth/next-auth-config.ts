import type { NextAuthConfig } from "next-auth";
import { httpsSettings } from "@/lib/http/https-settings";
import { decodeSessionToken, encodeSessionToken } from "./session-token";

// The part of the next-auth configuration the proxy (proxy.ts) also loads: no
// database and no hashing imports here (docs/development.md). The proxy only sends
// anonymous visitors to the login page; every page and handler still reloads
// the user from the database (lib/auth/current-actor.ts).

const PUBLIC_PATHS = [/^\/login$/, /^\/api\/auth\//, /^\/api\/v1\//, /^\/gongshi(\/|$)/, /^\/favicon/];

export const authConfig = {
  trustHost: true,
  // Secure cookies: always when PORTAL_HTTPS=1 says users come over https;
  // otherwise next-auth decides per request (https, or X-Forwarded-Proto: https
  // from the TLS proxy, gives Secure __Secure-/__Host- cookies).
  useSecureCookies: httpsSettings().https || undefined,
  pages: { signIn: "/login" },
  // maxAge is set in next-auth.ts from the absolute session limit (AUTH_ABSOLUTE_HOURS).
  session: { strategy: "jwt" },
  // The session cookie decrypted once per process and re-issued at most hourly, not on every request (session-token.ts).
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  providers: [],
  logger: {
    // A failed login is an expected event (audited as auth.login/refused), not a stack trace in the log.
    error: (error: Error) => {
      // `type`, not `name`: the production build minifies class names.
      const type = (error as { type?: string }).type ?? error.name;
      if (type === "CredentialsSignin" || type === "JWTSessionError") return;
      console.error(`[auth] ${type}: ${error.message.split("\n")[0]}`);
    },
    warn: () => {},
    debug: () => {},
  },
  callbacks: {
    authorized({ auth, request }) {
      const path = request.nextUrl.pathname;
      if (PUBLIC_PATHS.some((p) => p.test(path))) return true;
      return !!auth?.user;
    },
    jwt({ token, user }) {
      if (user) {
        const u = user as { id?: string; sv?: number; sid?: string };
        token.uid = u.id;
        token.sv = u.sv;
        token.sid = u.sid;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv, sid: token.sid };
    },
  },
} satisfies NextAuthConfig;
