import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { POST as settlementPost } from "@/app/api/v1/settlement/route";
import { POST as subsidyPost } from "@/app/api/v1/subsidy/route";
import { issueApiToken } from "@/lib/api-tokens/issue-api-token";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { JSON_BODY_LIMIT } from "@/lib/http/read-json-body";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// POST /api/v1/settlement and /api/v1/subsidy through their real route
// handlers (apiRoute, an API token, the process database pointed at a scratch
// one): a body over the limit is a 413 with a Chinese message, whether it
// declares its length or arrives chunked, and is not read past the limit —
// the old handlers called request.text() and buffered whatever came.

const globalForDb = globalThis as unknown as { portalDb?: Promise<unknown> };

/** A chunked body of `total` bytes that records how much the server pulled. */
function endless(total: number) {
  const chunk = new Uint8Array(1024 * 1024).fill(0x20);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { body, pulled: () => sent };
}

describe.each(drivers())("JSON body limits on %s", (driver) => {
  let s: Scratch;
  let token: string;
  beforeAll(async () => {
    s = await seededDb(driver);
    globalForDb.portalDb = Promise.resolve(s.handle);
    const admin = await contextOf(s, "admin");
    const account = (await listApiTokens(admin)).accounts.find((a) => a.username === "yibao.clerk")!;
    token = (await issueApiToken(admin, { name: "限额测试", userId: account.id, actions: ["settlement.trial"] })).token;
  });
  afterAll(async () => {
    delete globalForDb.portalDb;
    await s?.drop();
  });

  const call = (post: typeof settlementPost, init: { body: BodyInit; headers?: Record<string, string> }) =>
    post(
      new NextRequest("http://localhost/api/v1/settlement", {
        method: "POST",
        body: init.body,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers },
        duplex: "half", // a streamed body (Node's fetch requires the flag)
      } as ConstructorParameters<typeof NextRequest>[1]),
      { params: Promise.resolve({}) },
    );

  it("a body declaring more than the limit is refused with 413 before it is read", async () => {
    const big = endless(700 * 1024 * 1024);
    const res = await call(settlementPost, { body: big.body, headers: { "content-length": String(700 * 1024 * 1024) } });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/请求体过大：上限 5 MB/);
    expect(big.pulled()).toBeLessThanOrEqual(2 * 1024 * 1024);
  });

  it("a chunked body (no Content-Length) is cut off once it passes the limit", async () => {
    for (const post of [settlementPost, subsidyPost]) {
      const big = endless(700 * 1024 * 1024);
      const res = await call(post, { body: big.body });
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: string }).error).toContain("请求体过大");
      expect(big.pulled()).toBeLessThanOrEqual(JSON_BODY_LIMIT + 3 * 1024 * 1024); // the stream reads a chunk or two ahead
    }
  });

  it("a body under the limit is still read and answered", async () => {
    const res = await call(settlementPost, { body: JSON.stringify({ policy: "no-such-policy", claims: [] }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { field: string }).field).toBeTruthy();
  });
});
