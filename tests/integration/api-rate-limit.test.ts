import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { GET as applicationsGet } from "@/app/api/v1/applications/route";
import { issueApiToken } from "@/lib/api-tokens/issue-api-token";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// /api/v1 rate limits through a real route handler (apiRoute, API tokens of
// demo accounts, the process database pointed at a scratch one): per token,
// and per client address before authentication when a trusted proxy tells
// the address (lib/http/rate-limit.ts). Small limits are set in the
// environment, which the limiter reads at each call.

const globalForDb = globalThis as unknown as { portalDb?: Promise<unknown> };
const SETTINGS = ["API_RATE_PER_MINUTE", "API_ADDRESS_RATE_PER_MINUTE", "TRUSTED_PROXY"] as const;

describe.each(drivers())("API rate limits on %s", (driver) => {
  let s: Scratch;
  const tokens: string[] = [];
  const saved = Object.fromEntries(SETTINGS.map((k) => [k, process.env[k]]));

  beforeAll(async () => {
    s = await seededDb(driver);
    globalForDb.portalDb = Promise.resolve(s.handle);
    const admin = await contextOf(s, "admin");
    const account = (await listApiTokens(admin)).accounts.find((a) => a.username === "taohong.clerk")!;
    for (const name of ["限频测试一", "限频测试二"]) tokens.push((await issueApiToken(admin, { name, userId: account.id, actions: ["applications.view"] })).token);
  }, 300_000);
  afterEach(() => {
    for (const k of SETTINGS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });
  afterAll(async () => {
    delete globalForDb.portalDb;
    await s?.drop();
  });

  // The limiter is the process's: each driver's run takes addresses of its own.
  const net = driver === "pglite" ? "203.0.113" : "192.0.2";
  const get = async (headers: Record<string, string>) => {
    const r = await applicationsGet(new NextRequest("http://localhost/api/v1/applications", { headers }), { params: Promise.resolve({}) });
    return { status: r.status, retryAfter: r.headers.get("retry-after"), body: (await r.json()) as Record<string, unknown> };
  };

  it("per token: over API_RATE_PER_MINUTE a 429 in Chinese with Retry-After; another token keeps its own budget", async () => {
    process.env.API_RATE_PER_MINUTE = "3";
    for (let i = 0; i < 3; i++) expect((await get({ authorization: `Bearer ${tokens[0]}` })).status).toBe(200);
    const refused = await get({ authorization: `Bearer ${tokens[0]}` });
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toMatch(/^[1-9]\d*$/);
    expect(Object.keys(refused.body)).toEqual(["error"]);
    expect(refused.body.error).toContain("请求过于频繁");
    expect(refused.body.error).toContain(`${refused.retryAfter} 秒后重试`);
    expect((await get({ authorization: `Bearer ${tokens[1]}` })).status).toBe(200);
  });

  it("per address behind a trusted proxy, before authentication: unauthenticated floods are limited too", async () => {
    process.env.API_RATE_PER_MINUTE = "0";
    process.env.TRUSTED_PROXY = "1";
    process.env.API_ADDRESS_RATE_PER_MINUTE = "2";
    // (A call without credentials reaches next-auth's session lookup, which needs Next's request
    // scope; an unknown token is the unauthenticated caller here.)
    const from = (address: string, token = "unknown-token") => get({ "x-forwarded-for": address, authorization: `Bearer ${token}` });
    expect((await from(`${net}.9`)).status).toBe(401);
    expect((await from(`${net}.9`, tokens[1])).status).toBe(200);
    expect((await from(`${net}.9`, tokens[1])).status).toBe(429);
    expect((await from(`${net}.9`)).status).toBe(429);
    // A forged entry in front changes nothing: the proxy's (last) entry counts.
    expect((await from(`198.51.100.1, ${net}.9`, tokens[1])).status).toBe(429);
    expect((await from(`${net}.10`, tokens[1])).status).toBe(200);
  });

  it("without a trusted proxy the address is unknown and not limited by it; 0 turns the per-token limit off", async () => {
    process.env.API_RATE_PER_MINUTE = "0";
    process.env.API_ADDRESS_RATE_PER_MINUTE = "1";
    for (let i = 0; i < 4; i++) expect((await get({ "x-forwarded-for": `${net}.50`, authorization: `Bearer ${tokens[1]}` })).status).toBe(200);
  });
});
