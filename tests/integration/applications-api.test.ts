import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { GET as listGet, POST as intakePost } from "@/app/api/v1/applications/route";
import { GET as oneGet } from "@/app/api/v1/applications/[id]/route";
import { POST as transitionPost } from "@/app/api/v1/applications/[id]/transitions/route";
import { issueApiToken } from "@/lib/api-tokens/issue-api-token";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import type { ApiTokenAction } from "@/lib/api-tokens/domain/token-actions";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// /api/v1/applications through the real route handlers (apiRoute, API tokens
// of demo accounts, the process database pointed at a scratch one). The
// handlers call the same use cases as the pages, so the same refusals hold:
// another township's case is 403 and unchanged, a stale version is 409 with
// the Chinese message, an unknown case 404. The clock (Date only) is fixed at
// 10:00 Beijing time on Wednesday 2026-11-18 so that every deadline lies
// inside the shipped holiday schedules whatever the real date is.

const NOW = new Date("2026-11-18T02:00:00Z");
const ACCEPTED = "2026-11-16";
const globalForDb = globalThis as unknown as { portalDb?: Promise<unknown> };

describe.each(drivers())("applications API on %s", (driver) => {
  let s: Scratch;
  const tokens: Record<string, string> = {};
  let taohongPerson: string;
  let xiaoshajiangPerson: string;

  beforeAll(async () => {
    s = await seededDb(driver);
    globalForDb.portalDb = Promise.resolve(s.handle);
    const admin = await contextOf(s, "admin");
    const accounts = (await listApiTokens(admin)).accounts;
    const issue = async (username: string, actions: ApiTokenAction[], key = username) => {
      const account = accounts.find((a) => a.username === username)!;
      tokens[key] = (await issueApiToken(admin, { name: `测试 ${key}`, userId: account.id, actions })).token;
    };
    await issue("taohong.clerk", ["applications.view", "applications.intake"]);
    await issue("taohong.clerk", ["applications.view"], "taohong.viewonly");
    await issue("xiaoshajiang.clerk", ["applications.view", "applications.intake"]);
    await issue("yibao.reviewer", ["applications.view", "applications.audit"]);
    const one = async (prefix: string) =>
      (await s.handle.raw.query<{ id: string }>("select id from people where division_code like $1 order by id limit 1", [`${prefix}%`]))[0]!.id;
    taohongPerson = await one("430524100");
    xiaoshajiangPerson = await one("430524101");
    vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
  }, 300_000);
  afterAll(async () => {
    vi.useRealTimers();
    delete globalForDb.portalDb;
    await s?.drop();
  });

  const request = (who: string, url: string, init: { method?: string; body?: unknown; raw?: string } = {}) =>
    new NextRequest(`http://localhost${url}`, {
      method: init.method ?? "GET",
      headers: { authorization: `Bearer ${tokens[who]}`, "content-type": "application/json" },
      ...(init.raw !== undefined ? { body: init.raw } : init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
  const call = async (res: Promise<Response>) => {
    const r = await res;
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  const intake = (personId: string) => ({
    personId,
    acceptedOn: ACCEPTED,
    filerKind: "self",
    phone: "13812345678",
    bankHolder: "王大山",
    bankName: "中国农业银行隆回县支行",
    bankAccount: "6222021234567890123",
    diagnosisSummary: "急性心肌梗死，住院介入治疗",
    documents: ["identity", "certification", "diagnosis", "history", "receipts"].map((item) => ({ item, status: "supplied" })),
  });
  const post = (who: string, body: unknown) => call(intakePost(request(who, "/api/v1/applications", { method: "POST", body }), { params: Promise.resolve({}) }));
  const getOne = (who: string, id: string) => call(oneGet(request(who, `/api/v1/applications/${id}`), { params: Promise.resolve({ id }) }));
  const step = (who: string, id: string, body: unknown, raw?: string) =>
    call(transitionPost(request(who, `/api/v1/applications/${id}/transitions`, { method: "POST", body, raw }), { params: Promise.resolve({ id }) }));
  const stored = async (id: string) =>
    (await s.handle.raw.query<{ state: string; version: number }>("select state, version from applications where id = $1", [id]))[0]!;

  let caseId = "";

  it("POST accepts a case (201) and GET shows it masked, in the township's queue", async () => {
    const created = await post("taohong.clerk", intake(taohongPerson));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ caseNo: expect.stringMatching(/^SQ-430524100-2026-\d{4}$/), dueOn: "2026-11-30" });
    caseId = created.body.id as string;
    const one = await getOne("taohong.clerk", caseId);
    expect(one.status).toBe(200);
    expect(JSON.stringify(one.body)).not.toContain("6222021234567890123");
    expect(JSON.stringify(one.body)).not.toContain("13812345678");
    const list = await call(listGet(request("taohong.clerk", "/api/v1/applications?state=all"), { params: Promise.resolve({}) }));
    expect(list.status).toBe(200);
    expect((list.body.rows as { id: string }[]).map((r) => r.id)).toContain(caseId);
  });

  it("refuses bad bodies with 400 naming the field, and changes nothing", async () => {
    expect(await post("taohong.clerk", { ...intake(taohongPerson), phone: "12345" })).toMatchObject({ status: 400, body: { field: "phone" } });
    expect(await post("taohong.clerk", { ...intake(taohongPerson), documents: "all" })).toMatchObject({ status: 400, body: { field: "documents" } });
    expect(await post("taohong.clerk", [1, 2])).toMatchObject({ status: 400, body: { field: "body" } });
    expect((await step("taohong.clerk", caseId, { action: "approve_everything", version: 1 })).status).toBe(400);
    expect(await step("taohong.clerk", caseId, { action: "begin_review" })).toMatchObject({ status: 400, body: { field: "version" } });
    expect(await step("taohong.clerk", caseId, undefined, "{not json")).toMatchObject({ status: 400, body: { error: expect.stringContaining("不是有效的 JSON") } });
    expect(await call(listGet(request("taohong.clerk", "/api/v1/applications?page=0"), { params: Promise.resolve({}) }))).toMatchObject({ status: 400, body: { field: "page" } });
    expect(await stored(caseId)).toEqual({ state: "accepted", version: 1 });
  });

  it("another township's clerk gets 403 for the case and its steps, and nothing changes", async () => {
    expect((await getOne("xiaoshajiang.clerk", caseId)).status).toBe(403);
    expect((await step("xiaoshajiang.clerk", caseId, { action: "begin_review", version: 1 })).status).toBe(403);
    expect((await post("taohong.clerk", intake(xiaoshajiangPerson))).status).toBe(403);
    expect((await call(listGet(request("xiaoshajiang.clerk", "/api/v1/applications?township=430524100000"), { params: Promise.resolve({}) }))).status).toBe(403);
    expect(await stored(caseId)).toEqual({ state: "accepted", version: 1 });
  });

  it("a step with the version read moves the case; the same stale version again is 409 with the Chinese message", async () => {
    expect(await step("taohong.clerk", caseId, { action: "begin_review", version: 1 })).toMatchObject({ status: 200, body: { state: "township_review", version: 2 } });
    const stale = await step("taohong.clerk", caseId, { action: "return_for_documents", version: 1, note: "缺病史证明" });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toContain("该申请刚被他人办理或已变更");
    expect(await stored(caseId)).toEqual({ state: "township_review", version: 2 });
    // A post that may not make the step: the county reviewer cannot forward (403); the state machine says why.
    const wrong = await step("yibao.reviewer", caseId, { action: "forward", version: 2 });
    expect(wrong.status).toBe(403);
    // The survey, then forward (not on the acceptance day), then the county takes it up.
    const survey = await step("taohong.clerk", caseId, { action: "record_survey", version: 2, surveyedOn: "2026-11-17", visitors: "乡镇经办员", findings: "情况属实", householdSituation: "家庭4口人" });
    expect(survey).toMatchObject({ status: 200, body: { version: 3 } });
    expect(await step("taohong.clerk", caseId, { action: "forward", version: 3 })).toMatchObject({ status: 200, body: { state: "forwarded", dueOn: "2026-12-02" } });
    expect(await step("yibao.reviewer", caseId, { action: "begin_audit", version: 4 })).toMatchObject({ status: 200, body: { state: "county_review", version: 5 } });
    // A township step on a case the county has: 409 (the state no longer allows it).
    expect((await step("taohong.clerk", caseId, { action: "begin_review", version: 5 })).status).toBe(409);
  });

  it("退回补正 and resume through the API: the clock is suspended, then runs again", async () => {
    const other = (await s.handle.raw.query<{ id: string }>("select id from people where division_code like '430524100%' order by id offset 1 limit 1"))[0]!.id;
    const id = (await post("taohong.clerk", intake(other))).body.id as string;
    expect(await step("taohong.clerk", id, { action: "return_for_documents", version: 1, note: "缺病史证明" })).toMatchObject({ status: 200, body: { state: "returned", dueOn: null } });
    expect(await step("taohong.clerk", id, { action: "resume_review", version: 2 })).toMatchObject({ status: 200, body: { state: "township_review" } });
    // Approval is the county's: a township clerk is refused by post (403), and a bad amount is named.
    expect((await step("taohong.clerk", id, { action: "approve", version: 3 })).status).toBe(403);
    expect(await step("yibao.reviewer", id, { action: "approve", version: 3, amount: 12 })).toMatchObject({ status: 400, body: { field: "amount" } });
  });

  it("a token without the action gets 403; an unknown case 404", async () => {
    expect((await post("yibao.reviewer", intake(taohongPerson))).status).toBe(403);
    expect((await step("taohong.viewonly", caseId, { action: "refuse", version: 5, reason: "测试" })).status).toBe(403);
    expect((await getOne("taohong.clerk", "01890000-0000-7000-8000-000000000000")).status).toBe(404);
    expect((await getOne("taohong.clerk", "not-a-uuid")).status).toBe(404);
    expect(await stored(caseId)).toEqual({ state: "county_review", version: 5 });
  });
});
