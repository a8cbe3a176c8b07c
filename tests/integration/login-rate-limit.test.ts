import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { DEMO_PASSWORD } from "@/lib/demo/demo-accounts";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { seededDb } from "../helpers/seeded";

// The sign-in rate limit (LOGIN_RATE_PER_MINUTE, lib/http/rate-limit.ts)
// through next-auth's real route handler: an attempt over the limit is
// refused with the "busy" code before the password is checked — no bcrypt,
// no audit row, no failure counted against the account — and an attempt
// from another address still signs in. Behind a trusted proxy (TRUSTED_PROXY=1)
// so each test address has its own bucket.

const globalForDb = globalThis as unknown as { portalDb?: Promise<unknown> };
const SETTINGS = { LOGIN_RATE_PER_MINUTE: "1", TRUSTED_PROXY: "1" };
// next-auth reads its secret when the module is loaded, before the imports above run.
vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "vitest-only-secret-not-for-production";
});

describe.each(drivers())("sign-in rate limit on %s", (driver) => {
  let s: Scratch;
  const saved = Object.fromEntries(Object.keys(SETTINGS).map((k) => [k, process.env[k]]));

  beforeAll(async () => {
    s = await seededDb(driver);
    globalForDb.portalDb = Promise.resolve(s.handle);
    Object.assign(process.env, SETTINGS);
  }, 300_000);
  afterAll(async () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    delete globalForDb.portalDb;
    await s?.drop();
  });

  // The limiter is the process's: each driver's run takes addresses of its own.
  const net = driver === "pglite" ? "203.0.113" : "192.0.2";
  /** One sign-in attempt as the login form's POST makes it; the answer's redirect. */
  const signIn = async (address: string, username: string, password: string) => {
    const csrf = await GET(new NextRequest("http://localhost/api/auth/csrf", { headers: { "x-forwarded-for": address } }));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const r = await POST(
      new NextRequest("http://localhost/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": address },
        body: new URLSearchParams({ csrfToken, username, password, callbackUrl: "/" }),
      }),
    );
    const location = r.headers.get("location") ?? "";
    return { location, signedIn: r.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token=")) };
  };
  const loginRows = async (address: string) =>
    (await s.handle.raw.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'auth.login' and ip = $1", [address]))[0]?.n ?? 0;

  it("over LOGIN_RATE_PER_MINUTE from one address: refused as busy before the password is checked; another address signs in", async () => {
    const first = await signIn(`${net}.21`, "yibao.clerk", "wrong-password-1");
    expect(first.signedIn).toBe(false);
    expect(first.location).toContain("code=credentials");
    expect(await loginRows(`${net}.21`)).toBe(1);

    const second = await signIn(`${net}.21`, "yibao.clerk", DEMO_PASSWORD);
    expect(second.signedIn).toBe(false);
    expect(second.location).toMatch(/code=busy%3A\d{4}-/);
    expect(await loginRows(`${net}.21`)).toBe(1);

    const other = await signIn(`${net}.22`, "yibao.clerk", DEMO_PASSWORD);
    expect(other.signedIn).toBe(true);
    expect(await loginRows(`${net}.22`)).toBe(1);
  });
});
