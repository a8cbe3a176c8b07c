import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { GET as reportGet } from "@/app/api/v1/stats/reports/[kind]/route";
import { issueApiToken } from "@/lib/api-tokens/issue-api-token";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import type { ApiTokenAction } from "@/lib/api-tokens/domain/token-actions";
import { getQuarterlyReport } from "@/lib/statistics/reports/get-quarterly-report";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// GET /api/v1/stats/reports/{kind} through the real route handler (apiRoute,
// API tokens of demo accounts, the process database pointed at a scratch one
// with the demo county's base). The report rows themselves are checked by hand
// in stats-reports.test.ts; here: the JSON is the report use case's, 403 for
// another township, 400 naming the bad parameter, 403 for a token without
// stats.view. Clock (Date only) fixed on 2026-12-02 10:00 Beijing time.

const NOW = new Date("2026-12-02T02:00:00Z");
const TAOHONG = "430524100000";
const XIAOSHAJIANG = "430524101000";
const globalForDb = globalThis as unknown as { portalDb?: Promise<unknown> };

describe.each(drivers())("statistics reports API on %s", (driver) => {
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
  }, 600_000);
  afterAll(async () => {
    vi.useRealTimers();
    delete globalForDb.portalDb;
    await s?.drop();
  });

  const get = async (who: string, kind: string, query = "") => {
    const r = await reportGet(new NextRequest(`http://localhost/api/v1/stats/reports/${kind}${query}`, { headers: { authorization: `Bearer ${tokens[who]}` } }), {
      params: Promise.resolve({ kind }),
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };

  it("each report for the caller's own township, 200, the rows the report use case gives", async () => {
    for (const [kind, period] of [["monthly", "2026-11"], ["quarterly", "2026-Q3"], ["annual", "2025"]] as const) {
      const r = await get("taohong.clerk", kind, `?period=${period}`);
      expect(r.status, kind).toBe(200);
      expect(r.body, kind).toMatchObject({ kind, division: TAOHONG, name: "桃洪镇" });
      expect((r.body.tables as unknown[]).length, kind).toBeGreaterThan(0);
    }
    const viaApi = await get("taohong.clerk", "quarterly", "?period=2026-Q3");
    const direct = await getQuarterlyReport(await contextOf(s, "taohong.clerk"), { period: "2026-Q3" });
    expect(viaApi.body.tables).toEqual(JSON.parse(JSON.stringify(direct.tables)));
  });

  it("another township or the county: 403, with no report in the answer", async () => {
    for (const kind of ["monthly", "quarterly", "annual"]) {
      const r = await get("taohong.clerk", kind, `?division=${XIAOSHAJIANG}`);
      expect(r.status, kind).toBe(403);
      expect(Object.keys(r.body)).toEqual(["error"]);
    }
    expect((await get("taohong.clerk", "annual", "?division=430524000000&period=2026")).status).toBe(403);
    expect((await get("taohong.nostats", "annual", "?period=2026")).status).toBe(403);
  });

  it("bad parameters: 400 with the Chinese message naming the field", async () => {
    expect(await get("taohong.clerk", "weekly", "?period=2026")).toMatchObject({ status: 400, body: { field: "kind", error: expect.stringContaining("报表类型") } });
    expect(await get("taohong.clerk", "monthly", "?period=2026-Q3")).toMatchObject({ status: 400, body: { field: "period", error: expect.stringContaining("月报") } });
    expect(await get("taohong.clerk", "quarterly", "?period=2026-13")).toMatchObject({ status: 400, body: { field: "period" } });
    expect(await get("taohong.clerk", "annual", "?period=2026&division=12345")).toMatchObject({ status: 400, body: { field: "division" } });
  });
});
