import "server-only";
import { clientAddress } from "@/lib/http/client-address";
import { takeLoginAttempt } from "@/lib/http/rate-limit";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db";
import { endSessionOnLogout } from "./end-session";
import { authConfig } from "./next-auth-config";
import { authPolicy } from "./domain/session-policy";
import { verifyLogin } from "./verify-login";

const credentials = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

// The refusal's kind travels as next-auth's error `code` (also in the URL of
// a plain form post): "locked:<ISO time>", "throttled:<ISO time>" or
// "busy:<ISO time>" (too many attempts a minute). The
// login action words it in Chinese (app/login/login-message.ts).
class LoginRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  // The cookie lives no longer than the absolute limit; the server-side
  // session (lib/auth/resolve-session-user.ts) enforces idle and absolute limits itself.
  session: { strategy: "jwt", maxAge: Math.ceil(authPolicy().absoluteMs / 1000) },
  events: {
    // Both the 退出登录 button and next-auth's own POST /api/auth/signout end here:
    // the server-side session ends, so the same cookie replayed is refused.
    async signOut(message) {
      if ("token" in message) await endSessionOnLogout(await getDb(), message.token);
    },
  },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const ip = clientAddress(request.headers);
        // Attempts per address and minute, before bcrypt spends its time (lib/http/rate-limit.ts).
        const rate = takeLoginAttempt(ip);
        if (!rate.allowed) throw new LoginRefused(`busy:${new Date(Date.now() + rate.retryAfterSeconds * 1000).toISOString()}`);
        const result = await verifyLogin(await getDb(), {
          ...parsed.data,
          ip,
          userAgent: request.headers.get("user-agent"),
        });
        if (!result.ok) throw result.reason === "invalid" ? new CredentialsSignin() : new LoginRefused(`${result.reason}:${result.until.toISOString()}`);
        // Only the user id, the session version and the session id go into the token.
        return { id: result.uid, sv: result.sv, sid: result.sid } as never;
      },
    }),
  ],
});
