import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { GET as applicationsGet } from "@/app/api/v1/stats/applications/route";
import { GET as coverageGet } from "@/app/api/v1/stats/coverage/route";
import { GET as monitoringGet } from "@/app/api/v1/stats/monitoring/route";
import { GET as paymentsGet } from "@/app/api/v1/stats/payments/route";
import { GET as subsidyGet } from "@/app/api/v1/stats/subsidy/route";
import { issueApiToken } from "@/lib/api-tokens/issue-api-token";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import type { ApiTokenAction } from "@/lib/api-tokens/domain/token-actions";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// /api/v1/stats/… through the real route handlers (apiRoute, API tokens of
// demo accounts, the process database pointed at a scratch one with the demo
// county's base). The figures' numbers are checked by hand in the other
// stats-*.test.ts files; here: the transport — 200 with the figure for the
// caller's own township, 403 for another township, 400 with the Chinese
// message naming the field for bad parameters, 403 for a token without
// stats.view. Clock (Date only) fixed on 2026-12-02 10:00 Beijing time.

const NOW = new Date("2026-12-02T02:00:00Z");
const TAOHONG = "430524100000";
const XIAOSHAJIANG = "430524101000";
const globalForDb = globalThis as unknown as { portalDb?: Promise<unknown> };
const ROUTES = { coverage: coverageGet, subsidy: subsidyGet, payments: paymentsGet, applications: applicationsGet, monitoring: monitoringGet } as const;

describe.each(drivers())("statistics API on %s", (driver) => {
  let s: Scratch;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    s = await seededDb(driver);
    globalForDb.portalDb = Promise.resolve(s.handle);
    const admin = await contextOf(s, "admin");
    const accounts = (await listApiTokens(admin)).accounts;
    const issue = async (username: string, actions: ApiTokenAction[], key = username) => {
      const account = accounts.find((a) => a.username === username)!;
      tokens[key] = (await issueApiToken(admin, { name: `测试 ${key}`, userId: account.id, actions })).token;
    };
    await issue("taohong.clerk", ["stats.view"]);
    await issue("taohong.clerk", ["applications.view"], "taohong.nostats");
    vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
  }, 300_000);
  afterAll(async () => {
    vi.useRealTimers();
    delete globalForDb.portalDb;
    await s?.drop();
  });

  const get = async (who: string, figure: keyof typeof ROUTES, query = "") => {
    const r = await ROUTES[figure](new NextRequest(`http://localhost/api/v1/stats/${figure}${query}`, { headers: { authorization: `Bearer ${tokens[who]}` } }), {
      params: Promise.resolve({}),
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };

  it("each figure for the caller's own township (the default division), 200", async () => {
    for (const figure of Object.keys(ROUTES) as (keyof typeof ROUTES)[]) {
      const r = await get("taohong.clerk", figure, "?period=2026-Q4");
      expect(r.status, figure).toBe(200);
      expect(r.body, figure).toMatchObject({ division: TAOHONG, name: "桃洪镇" });
    }
    const c = await get("taohong.clerk", "coverage", "?period=2026-Q3");
    expect(c.body).toMatchObject({ on: "2026-09-30" });
  });

  it("another township's figures: 403 on every route, with no figure in the answer", async () => {
    for (const figure of Object.keys(ROUTES) as (keyof typeof ROUTES)[]) {
      const r = await get("taohong.clerk", figure, `?division=${XIAOSHAJIANG}&period=2026`);
      expect(r.status, figure).toBe(403);
      expect(Object.keys(r.body)).toEqual(["error"]);
    }
    expect((await get("taohong.clerk", "coverage", "?division=430524000000")).status).toBe(403);
  });

  it("bad parameters: 400 with the Chinese message naming the field", async () => {
    expect(await get("taohong.clerk", "payments", "?period=2026-13")).toMatchObject({ status: 400, body: { field: "period", error: expect.stringContaining("统计期间") } });
    expect(await get("taohong.clerk", "coverage", "?from=2026-01-01")).toMatchObject({ status: 400, body: { field: "to" } });
    expect(await get("taohong.clerk", "subsidy", "?from=2026-02-30&to=2026-03-01")).toMatchObject({ status: 400, body: { field: "from" } });
    expect(await get("taohong.clerk", "monitoring", "?from=2020-01-01&to=2026-01-01")).toMatchObject({ status: 400, body: { field: "to", error: expect.stringContaining("最长 3 年") } });
    expect(await get("taohong.clerk", "applications", "?division=4305")).toMatchObject({ status: 400, body: { field: "division" } });
  });

  it("a token without stats.view is refused", async () => {
    expect((await get("taohong.nostats", "coverage")).status).toBe(403);
  });
});
