import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { POST as cancelPost } from "@/app/api/v1/payment-batches/[id]/cancel/route";
import { POST as confirmPost } from "@/app/api/v1/payment-batches/[id]/confirm/route";
import { GET as exportGet } from "@/app/api/v1/payment-batches/[id]/export/route";
import { POST as failedPost } from "@/app/api/v1/payment-batches/[id]/lines/[lineId]/failed/route";
import { POST as removePost } from "@/app/api/v1/payment-batches/[id]/lines/[lineId]/remove/route";
import { GET as oneGet } from "@/app/api/v1/payment-batches/[id]/route";
import { GET as listGet, POST as createPost } from "@/app/api/v1/payment-batches/route";
import { issueApiToken } from "@/lib/api-tokens/issue-api-token";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import type { ApiTokenAction } from "@/lib/api-tokens/domain/token-actions";
import { acceptApplication } from "@/lib/applications/accept-application";
import { approveApplication } from "@/lib/applications/approve-application";
import { beginCountyAudit } from "@/lib/applications/begin-county-audit";
import { beginTownshipReview } from "@/lib/applications/begin-township-review";
import { forwardApplication } from "@/lib/applications/forward-application";
import { exportPaymentBatch } from "@/lib/applications/payments/export-payment-batch";
import { listPayableApplications } from "@/lib/applications/payments/list-payable-applications";
import { removeBatchLine } from "@/lib/applications/payments/remove-batch-line";
import { recordHouseholdSurvey } from "@/lib/applications/record-household-survey";
import { setApplicationClaims } from "@/lib/applications/set-application-claims";
import type { UseCaseContext } from "@/lib/auth/context";
import { seedDemoPolicy } from "@/seed/policies";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// /api/v1/payment-batches through the real route handlers (apiRoute, API
// tokens of demo accounts, the process database pointed at a scratch one),
// and 移出支付批次 (remove-batch-line.ts): the case approved and payable
// again, the batch's count and total follow, the removal audited; once the
// file has gone to the bank a line cannot be removed. Cases are approved
// through the real use cases (as applications-payment.test.ts); the clock
// (Date only) is fixed at 10:00 Beijing time on Wednesday 2026-11-18.

const NOW = new Date("2026-11-18T02:00:00Z");
const today = "2026-11-18";
const ACCEPTED = "2026-11-16";
const globalForDb = globalThis as unknown as { portalDb?: Promise<unknown> };
type Body = Record<string, unknown>;

describe.each(drivers())("payment batches API on %s", (driver) => {
  let s: Scratch;
  let clerk: UseCaseContext;
  let reviewer: UseCaseContext;
  let payer: UseCaseContext;
  let people: string[] = [];
  let nextPerson = 0;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    s = await seededDb(driver);
    globalForDb.portalDb = Promise.resolve(s.handle);
    clerk = { ...(await contextOf(s, "taohong.clerk")), now: () => NOW };
    reviewer = { ...(await contextOf(s, "yibao.reviewer")), now: () => NOW };
    payer = { ...(await contextOf(s, "yibao.clerk")), now: () => NOW };
    await seedDemoPolicy(s.handle.db);
    people = (await q<{ id: string }>("select id from people where division_code like '430524100%' order by id limit 20")).map((r) => r.id);
    for (const p of people) await q("insert into person_categories (person_id, category, from_date, to_date, source) values ($1, 'monitored', '2026-01-01', null, 'fixture')", [p]);
    const admin = await contextOf(s, "admin");
    const accounts = (await listApiTokens(admin)).accounts;
    const issue = async (username: string, actions: ApiTokenAction[]) => {
      const account = accounts.find((a) => a.username === username)!;
      tokens[username] = (await issueApiToken(admin, { name: `测试 ${username}`, userId: account.id, actions })).token;
    };
    await issue("yibao.clerk", ["applications.pay"]);
    await issue("taohong.clerk", ["applications.view", "applications.intake"]);
    vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
  }, 300_000);
  afterAll(async () => {
    vi.useRealTimers();
    delete globalForDb.portalDb;
    await s?.drop();
  });

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => s.handle.raw.query<T>(sql, params);
  const count = async (sql: string, params: unknown[] = []) => Number((await q<{ n: number }>(sql, params))[0]!.n);
  const caseOf = async (id: string) => (await q<{ state: string; version: number; case_no: string }>("select state, version, case_no from applications where id = $1", [id]))[0]!;

  /** A case approved by the county for exactly `amount` (one claim whose amount left is 2 × amount + 6000; 003: 50 % above 6000). */
  async function approved(amount: string, account: string): Promise<{ id: string; version: number }> {
    const [yuan, fen = ""] = amount.split(".");
    const left = (Number(yuan) * 100 + Number(fen.padEnd(2, "0"))) * 2 + 600_000;
    const scope = `${Math.floor((left + 1_000_000) / 100)}.${String((left + 1_000_000) % 100).padStart(2, "0")}`;
    const personId = people[nextPerson++]!;
    const [claim] = await q<{ id: string }>(
      `insert into claims (external_id, person_id, claim_date, setting, hospital_name, hospital_level, total_cost, policy_scope_cost, out_of_scope_cost, basic_paid, critical_paid)
       values ($1, $2, '2026-06-01', 'inpatient', '隆回县人民医院', 2, $3, $3, 0, 10000, 0) returning id`,
      [`JS-API-PAY-${nextPerson}`, personId, scope],
    );
    const { id } = await acceptApplication(clerk, {
      personId,
      acceptedOn: ACCEPTED,
      filerKind: "self",
      phone: "13812345678",
      bankHolder: "王大山",
      bankName: "中国农业银行隆回县支行",
      bankAccount: account,
      diagnosisSummary: "急性心肌梗死，住院介入治疗",
      documents: ["identity", "certification", "diagnosis", "history", "receipts"].map((item) => ({ item, status: "supplied" })),
    });
    let v = (await beginTownshipReview(clerk, id, { version: 1 })).version;
    v = (await setApplicationClaims(clerk, id, { version: v, claimIds: [claim!.id] })).version;
    v = (await recordHouseholdSurvey(clerk, id, { version: v, surveyedOn: today, visitors: "罗春兰", findings: "属实", householdSituation: "家庭困难" })).version;
    v = (await forwardApplication(clerk, id, { version: v })).version;
    v = (await beginCountyAudit(reviewer, id, { version: v })).version;
    v = (await approveApplication(reviewer, id, { version: v })).version;
    expect((await q<{ a: string }>("select approved_amount::text as a from applications where id = $1", [id]))[0]!.a).toBe(amount);
    return { id, version: v };
  }

  const request = (who: string, url: string, init: { method?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}) =>
    new NextRequest(`http://localhost${url}`, {
      method: init.method ?? "GET",
      headers: { authorization: `Bearer ${tokens[who]}`, "content-type": "application/json", ...init.headers },
      ...(init.raw !== undefined ? { body: init.raw } : init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
  const json = async (r: Response) => ({ status: r.status, body: (await r.json()) as Body });
  const list = async (who = "yibao.clerk") => json(await listGet(request(who, "/api/v1/payment-batches"), { params: Promise.resolve({}) }));
  const create = async (body: unknown, who = "yibao.clerk", raw?: string) =>
    json(await createPost(request(who, "/api/v1/payment-batches", { method: "POST", body, raw }), { params: Promise.resolve({}) }));
  const show = async (id: string | number, who = "yibao.clerk") => json(await oneGet(request(who, `/api/v1/payment-batches/${id}`), { params: Promise.resolve({ id: String(id) }) }));
  const exportFile = async (id: string | number, who = "yibao.clerk") => exportGet(request(who, `/api/v1/payment-batches/${id}/export`), { params: Promise.resolve({ id: String(id) }) });
  const confirm = async (id: string | number, body: unknown, who = "yibao.clerk") =>
    json(await confirmPost(request(who, `/api/v1/payment-batches/${id}/confirm`, { method: "POST", body }), { params: Promise.resolve({ id: String(id) }) }));
  const lineCall = (route: typeof failedPost) => async (id: string | number, lineId: string | number, body: unknown, who = "yibao.clerk", raw?: string) =>
    json(await route(request(who, `/api/v1/payment-batches/${id}/lines/${lineId}/x`, { method: "POST", body, raw }), { params: Promise.resolve({ id: String(id), lineId: String(lineId) }) }));
  const fail = lineCall(failedPost);
  const remove = lineCall(removePost);
  const cancel = async (id: string | number, body: unknown, who = "yibao.clerk") =>
    json(await cancelPost(request(who, `/api/v1/payment-batches/${id}/cancel`, { method: "POST", body }), { params: Promise.resolve({ id: String(id) }) }));
  const linesOf = async (id: number) => (await show(id)).body.lines as { id: number; applicationId: string; amount: string; accountMasked: string }[];

  it("create, show (accounts masked), remove a line from the open batch → approved and payable again, total updated, audited; export, fail, confirm; no removal once sent", async () => {
    const a = await approved("4300.50", "6222021234567890123");
    const b = await approved("1200.00", "6217001234567890");
    const created = await create({ cases: [a, b] });
    expect(created).toMatchObject({ status: 200, body: { batchNo: "ZF-430524-2026-0001", count: 2, total: "5500.50" } });
    const batchId = created.body.id as number;
    expect((await list()).body.batches).toEqual([expect.objectContaining({ id: batchId, status: "open", lines: 2, total: "5500.50" })]);

    const shown = await show(batchId);
    expect(shown).toMatchObject({ status: 200, body: { status: "open", total: "5500.50", pending: 2 } });
    // The clear account numbers are in the audited export only, never in the batch's JSON.
    const text = JSON.stringify(shown.body);
    expect(text).not.toContain("6222021234567890123");
    expect(text).not.toContain("6217001234567890");
    expect((shown.body.lines as { accountMasked: string }[]).every((l) => /\*/.test(l.accountMasked))).toBe(true);

    const lineA = (await linesOf(batchId)).find((l) => l.applicationId === a.id)!;
    const removed = await remove(batchId, lineA.id, { reason: "核定金额待更正" });
    expect(removed).toMatchObject({ status: 200, body: { caseNo: (await caseOf(a.id)).case_no, amount: "4300.50", count: 1, total: "1200.00" } });
    expect((await caseOf(a.id)).state).toBe("approved");
    expect((await caseOf(b.id)).state).toBe("in_batch");
    expect((await listPayableApplications(payer)).map((p) => p.id)).toContain(a.id);
    // The removed line stays in the batch as history (reason, day, who), outside its count and total.
    expect((await show(batchId)).body).toMatchObject({
      total: "1200.00",
      count: 1,
      removedCount: 1,
      pending: 1,
      lines: [
        expect.objectContaining({ applicationId: a.id, status: "removed", statusName: "已移出批次", removedReason: "核定金额待更正", removedOn: today, removedByName: expect.any(String) }),
        expect.objectContaining({ applicationId: b.id, status: "pending" }),
      ],
    });
    expect(await q("select status, amount::text as amount, removed_reason, removed_on::text as removed_on, removed_by = $2 as by_payer from payment_batch_lines where id = $1", [lineA.id, payer.actor.kind === "user" ? payer.actor.user.id : null])).toEqual([
      { status: "removed", amount: "4300.50", removed_reason: "核定金额待更正", removed_on: today, by_payer: true },
    ]);
    expect((await list()).body.batches).toEqual([expect.objectContaining({ id: batchId, lines: 1, removed: 1, total: "1200.00" })]);
    expect(await count("select count(*)::int as n from application_transitions where application_id = $1 and action = 'remove_from_batch' and from_state = 'in_batch' and to_state = 'approved' and reason = '核定金额待更正'", [a.id])).toBe(1);
    const [audit] = await q<{ detail: Body }>("select detail from audit_log where action = 'applications.remove_batch_line' and object_id = $1", [String(batchId)]);
    expect(audit!.detail).toMatchObject({ caseNo: (await caseOf(a.id)).case_no, amount: "4300.50", reason: "核定金额待更正", count: 1, total: "1200.00" });
    expect(await count("select count(*)::int as n from audit_log where action = 'applications.remove_from_batch' and object_id = $1", [a.id])).toBe(1);
    // Removing it twice: the line is no longer pending.
    expect(await remove(batchId, lineA.id, { reason: "再次" })).toMatchObject({ status: 409, body: { error: expect.stringContaining("已不是待支付状态") } });

    // The removed case goes into a new batch with its new version.
    const second = await create({ cases: [{ id: a.id, version: (await caseOf(a.id)).version }] });
    expect(second).toMatchObject({ status: 200, body: { batchNo: "ZF-430524-2026-0002", count: 1, total: "4300.50" } });

    // The bank file: audited, the batch sent; then removal is refused (409) and nothing changes.
    const file = await exportFile(batchId);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await file.arrayBuffer()) as ArrayBuffer);
    const rows: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[1]).toEqual(["王大山", "6217001234567890", "中国农业银行隆回县支行", "1200.00", `医疗救助 ${(await caseOf(b.id)).case_no}`]);
    // One payee line (the pending one): the removed line is not in the bank file.
    expect(rows.filter((r) => String(r[4]).startsWith("医疗救助 "))).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain("6222021234567890123");
    expect(await count("select count(*)::int as n from audit_log where action = 'applications.export_batch' and object_id = $1", [String(batchId)])).toBe(1);
    const lineB = (await linesOf(batchId)).find((l) => l.applicationId === b.id)!;
    const refused = await remove(batchId, lineB.id, { reason: "来不及了" });
    expect(refused).toMatchObject({ status: 409, body: { error: expect.stringContaining("已导出发送银行，不能再移出明细") } });
    expect((await caseOf(b.id)).state).toBe("in_batch");

    // The second batch: exported, its line returned by the bank; the first confirmed.
    const secondId = second.body.id as number;
    expect((await exportFile(secondId)).status).toBe(200);
    const lineA2 = (await linesOf(secondId))[0]!;
    expect(await fail(secondId, lineA2.id, { reason: "账号户名不符" })).toMatchObject({ status: 200, body: { status: "confirmed" } });
    expect((await caseOf(a.id)).state).toBe("payment_failed");
    expect(await confirm(batchId, { paidOn: today, reference: "NYYH20261118001" })).toMatchObject({ status: 200, body: { confirmed: 1, total: "1200.00", status: "confirmed" } });
    expect((await caseOf(b.id)).state).toBe("paid");
    // A confirmed batch: no removal (409), no second confirmation (409).
    expect((await remove(batchId, lineB.id, { reason: "撤回" })).status).toBe(409);
    expect((await confirm(batchId, { paidOn: today, reference: "X" })).status).toBe(409);
    expect((await caseOf(b.id)).state).toBe("paid");
  });

  it("作废批次: refused while a line is live or without a reason; once every line is removed the batch is cancelled with its reason, audited, and can no longer be exported", async () => {
    const c = await approved("300.00", "6222020000000000033");
    const batch = await create({ cases: [c] });
    const id = batch.body.id as number;
    const line = (await linesOf(id))[0]!;
    expect(await cancel(id, { reason: "误编" })).toMatchObject({ status: 409, body: { error: expect.stringContaining("还有 1 笔明细") } });
    expect((await remove(id, line.id, { reason: "账户待核实" })).status).toBe(200);
    expect(await cancel(id, { reason: " " })).toMatchObject({ status: 400, body: { field: "reason", error: "请填写作废批次的原因" } });
    expect(await cancel(id, {}, "taohong.clerk")).toMatchObject({ status: 403 });
    expect((await show(id)).body).toMatchObject({ status: "open", count: 0, removedCount: 1, total: "0.00" });
    expect(await cancel(id, { reason: "明细均已移出" })).toMatchObject({ status: 200, body: { removedLines: 1 } });
    expect((await show(id)).body).toMatchObject({ status: "cancelled", statusName: "已作废", cancelReason: "明细均已移出", cancelledOn: today, lines: [expect.objectContaining({ status: "removed" })] });
    expect(await count("select count(*)::int as n from audit_log where action = 'applications.cancel_batch' and object_id = $1 and detail->>'reason' = '明细均已移出'", [String(id)])).toBe(1);
    expect(await cancel(id, { reason: "再次" })).toMatchObject({ status: 409, body: { error: expect.stringContaining("已作废") } });
    expect((await exportFile(id)).status).toBe(409);
    expect(await count("select count(*)::int as n from audit_log where action = 'applications.export_batch' and object_id = $1", [String(id)])).toBe(0);
    // The case itself is payable again, in a new batch.
    expect((await create({ cases: [{ id: c.id, version: (await caseOf(c.id)).version }] })).status).toBe(200);
  });

  it("an export and a removal at the same moment: a removed line is never in the bank file (run concurrently; on PostgreSQL on two connections)", async () => {
    let removedFirst = 0;
    let exportedFirst = 0;
    for (let k = 0; k < 6; k++) {
      const a = await approved(`${500 + k}.00`, `62220200000001${String(k).padStart(5, "0")}`);
      const b = await approved(`${600 + k}.00`, `62220200000002${String(k).padStart(5, "0")}`);
      const id = (await create({ cases: [a, b] })).body.id as number;
      const lineA = (await linesOf(id)).find((l) => l.applicationId === a.id)!;
      const [exported, removal] = await Promise.allSettled([exportPaymentBatch(payer, id), removeBatchLine(payer, id, { lineId: lineA.id, reason: "同时移出" })]);
      expect(exported.status).toBe("fulfilled");
      const file = exported.status === "fulfilled" ? exported.value : null;
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file!.body as unknown as ArrayBuffer);
      const accounts: string[] = [];
      book.worksheets[0]!.eachRow((row) => accounts.push(String((row.values as unknown[])[2])));
      const [stored] = await q<{ status: string }>("select status from payment_batch_lines where id = $1", [lineA.id]);
      const inFile = accounts.includes(`62220200000001${String(k).padStart(5, "0")}`);
      if (removal.status === "fulfilled") {
        removedFirst++;
        expect(stored!.status).toBe("removed");
        expect(inFile).toBe(false);
        expect(file!.count).toBe(1);
        expect((await caseOf(a.id)).state).toBe("approved");
      } else {
        exportedFirst++;
        expect(removal.reason).toMatchObject({ code: "conflict", message: expect.stringContaining("已导出发送银行") });
        expect(stored!.status).toBe("pending");
        expect(inFile).toBe(true);
        expect((await caseOf(a.id)).state).toBe("in_batch");
      }
    }
    expect(removedFirst + exportedFirst).toBe(6);
  });

  it("a township clerk is refused (403) on every route, and by the use case itself", async () => {
    const c = await approved("100.00", "6222020000000000011");
    const batch = await create({ cases: [c] });
    const id = batch.body.id as number;
    const line = (await linesOf(id))[0]!;
    const answers = [
      await list("taohong.clerk"),
      await create({ cases: [c] }, "taohong.clerk"),
      await show(id, "taohong.clerk"),
      { status: (await exportFile(id, "taohong.clerk")).status, body: {} },
      await confirm(id, { paidOn: today, reference: "X" }, "taohong.clerk"),
      await fail(id, line.id, { reason: "x" }, "taohong.clerk"),
      await remove(id, line.id, { reason: "x" }, "taohong.clerk"),
    ];
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    // Refused by the permission check before anything is read (audited as refused), not only by the state machine.
    const refusedBefore = await count("select count(*)::int as n from audit_log where action = 'applications.pay' and outcome = 'refused' and object_id = $1", [String(id)]);
    await expect(removeBatchLine(clerk, id, { lineId: line.id, reason: "乡镇无权" })).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("没有执行此操作的权限") });
    expect(await count("select count(*)::int as n from audit_log where action = 'applications.pay' and outcome = 'refused' and object_id = $1", [String(id)])).toBe(refusedBefore + 1);
    expect((await caseOf(c.id)).state).toBe("in_batch");
    expect(await count("select count(*)::int as n from payment_batch_lines where batch_id = $1", [id])).toBe(1);
  });

  it("bad input: 400 naming the field, 404 for bad ids, 413 for a huge body — never 500", async () => {
    const d = await approved("200.00", "6222020000000000022");
    const batch = await create({ cases: [d] });
    const id = batch.body.id as number;
    const line = (await linesOf(id))[0]!;
    expect(await create(undefined, "yibao.clerk", "{cases: [")).toMatchObject({ status: 400, body: { error: expect.stringContaining("不是有效的 JSON") } });
    expect(await create([d])).toMatchObject({ status: 400, body: { field: "body", error: expect.stringContaining("请求体应为 JSON 对象") } });
    expect(await create({ cases: "all" })).toMatchObject({ status: 400, body: { field: "cases", error: expect.stringContaining("请至少勾选") } });
    expect(await create({ cases: [{ id: "not-a-uuid", version: 1 }] })).toMatchObject({ status: 400, body: { field: "cases" } });
    expect(await create({ cases: [{ id: d.id }] })).toMatchObject({ status: 400, body: { field: "version" } });
    expect(await create({ cases: [d, d] })).toMatchObject({ status: 400, body: { field: "cases", error: expect.stringContaining("选了两次") } });
    const huge = await createPost(request("yibao.clerk", "/api/v1/payment-batches", { method: "POST", raw: "{}", headers: { "content-length": String(6 * 1024 * 1024) } }), { params: Promise.resolve({}) });
    expect(huge.status).toBe(413);
    for (const bad of ["abc", "0", "-1", "1.5", "99999999999999", "1e3x"]) expect((await show(bad)).status, bad).toBe(404);
    expect((await show(2_000_000)).status).toBe(404);
    expect((await exportFile("abc")).status).toBe(404);
    expect(await remove(id, line.id, {})).toMatchObject({ status: 400, body: { field: "reason", error: "请填写移出支付批次的原因" } });
    expect(await remove(id, line.id, { reason: "理".repeat(501) })).toMatchObject({ status: 400, body: { field: "reason" } });
    expect(await remove(id, line.id, null)).toMatchObject({ status: 400, body: { field: "body" } });
    expect(await remove(id, line.id, undefined, "yibao.clerk", "not json")).toMatchObject({ status: 400 });
    expect((await remove(id, "x", { reason: "r" })).status).toBe(404);
    expect((await remove(id, 2_000_000, { reason: "r" })).status).toBe(404);
    expect((await remove("abc", line.id, { reason: "r" })).status).toBe(404);
    expect(await fail(id, line.id, { reason: "" })).toMatchObject({ status: 400, body: { field: "reason" } });
    expect(await confirm(id, { paidOn: "2026-13-01", reference: "X" })).toMatchObject({ status: 400, body: { field: "paidOn" } });
    expect(await confirm(id, [1])).toMatchObject({ status: 400, body: { field: "body" } });
    // Nothing of it changed the batch.
    expect((await caseOf(d.id)).state).toBe("in_batch");
    expect(await count("select count(*)::int as n from payment_batch_lines where batch_id = $1", [id])).toBe(1);
  });
});
