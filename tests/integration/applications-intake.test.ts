import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptApplication } from "@/lib/applications/accept-application";
import { beginCountyAudit } from "@/lib/applications/begin-county-audit";
import { beginTownshipReview } from "@/lib/applications/begin-township-review";
import { forwardApplication } from "@/lib/applications/forward-application";
import { recordHouseholdSurvey } from "@/lib/applications/record-household-survey";
import { refuseApplication } from "@/lib/applications/refuse-application";
import { returnApplication } from "@/lib/applications/return-application";
import type { UseCaseContext } from "@/lib/auth/context";
import { defaultCalendar } from "@/lib/calendar/domain/default-calendar";
import { idCrypto } from "@/lib/crypto/data-keys";
import { resealApplicationContacts } from "@/db/id-at-rest";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// Intake and the township's steps through the real use cases on both drivers:
// sealed contact data, the document checklist (容缺受理), the state machine's
// refusals changing nothing, the optimistic version check, and the
// jurisdiction (a township clerk cannot act on another township's case).
//
// The use cases date each step by the context's clock, fixed here at 10:00 in
// Beijing on Wednesday 2026-11-18 so that every deadline lies inside the
// shipped holiday schedules whatever the real date is (hand-worked deadlines
// are in lib/applications/domain/step-clock.test.ts).
const NOW = new Date("2026-11-18T02:00:00Z");

const ACCOUNT = "6222021234567890123";
const PHONE = "13812345678";

describe.each(drivers())("on-application intake on %s", (driver) => {
  let s: Scratch;
  let clerk: UseCaseContext;
  let taohongPerson: string;
  let xiaoshajiangPerson: string;
  const today = "2026-11-18";
  const calendar = defaultCalendar();
  // Two working days ago: not the acceptance day, so forwarding needs no 特事特办.
  let accepted = today;
  for (let i = 0; i < 7 && calendar.workingDaysBetween(accepted, today) < 2; i++) {
    accepted = new Date(Date.parse(`${accepted}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  }

  beforeAll(async () => {
    s = await seededDb(driver);
    clerk = { ...(await contextOf(s, "taohong.clerk")), now: () => NOW };
    const one = async (prefix: string) =>
      (await s.handle.raw.query<{ id: string }>("select id from people where division_code like $1 order by id limit 1", [`${prefix}%`]))[0]!.id;
    taohongPerson = await one("430524100");
    xiaoshajiangPerson = await one("430524101");
  }, 300_000);
  afterAll(async () => {
    await s?.drop();
  });

  const staff = async (username: string): Promise<UseCaseContext> => ({ ...(await contextOf(s, username)), now: () => NOW });
  const intake = (personId: string, extra: Record<string, unknown> = {}) => ({
    personId,
    acceptedOn: accepted,
    filerKind: "family",
    filerName: "李春花",
    filerRelation: "配偶",
    phone: "138-1234-5678",
    bankHolder: "王大山",
    bankName: "中国农业银行隆回县支行",
    bankAccount: "6222 0212 3456 7890 123",
    diagnosisSummary: "急性心肌梗死，住院介入治疗",
    documents: [
      { item: "identity", status: "supplied" },
      { item: "certification", status: "supplied" },
      { item: "diagnosis", status: "supplied" },
      { item: "history", status: "missing", dueOn: today },
      { item: "receipts", status: "supplied" },
    ],
    ...extra,
  });
  const row = async (id: string) =>
    (
      await s.handle.raw.query<{ state: string; version: number; due_on: string | null; clock_paused_on: string | null; refusal_reason: string | null }>(
        "select state, version, due_on::text as due_on, clock_paused_on::text as clock_paused_on, refusal_reason from applications where id = $1",
        [id],
      )
    )[0]!;
  const count = async (sql: string, params: unknown[] = []) => Number((await s.handle.raw.query<{ n: number }>(sql, params))[0]!.n);

  it("accepts with a document missing (容缺受理): clock from the acceptance date, contact data sealed, audited with the transition", async () => {
    const r = await acceptApplication(clerk, intake(taohongPerson));
    expect(r.caseNo).toMatch(/^SQ-430524100-\d{4}-0001$/);
    expect(r.dueOn).toBe(calendar.addWorkingDays(accepted, 10));
    expect(await row(r.id)).toMatchObject({ state: "accepted", version: 1, due_on: r.dueOn });
    // The columns never hold the clear numbers (read the row directly).
    const [raw] = await s.handle.raw.query<Record<string, string | null>>(
      "select phone_sealed, phone_tail, bank_holder_sealed, bank_account_sealed, bank_account_tail, row_to_json(a)::text as whole from applications a where id = $1",
      [r.id],
    );
    expect(raw!.whole).not.toContain(ACCOUNT);
    expect(raw!.whole).not.toContain(PHONE);
    expect(raw!.whole).not.toContain("王大山");
    expect(raw!).toMatchObject({ phone_tail: "5678", bank_account_tail: "0123" });
    expect(idCrypto().open(raw!.bank_account_sealed!)).toBe(ACCOUNT);
    expect(idCrypto().open(raw!.phone_sealed!)).toBe(PHONE);
    expect(await count("select count(*)::int as n from application_documents where application_id = $1 and status = 'missing' and item = 'history'", [r.id])).toBe(1);
    expect(await count("select count(*)::int as n from application_transitions where application_id = $1 and action = 'accept' and to_state = 'accepted'", [r.id])).toBe(1);
    const audit = await s.handle.raw.query<{ detail: unknown }>("select detail from audit_log where action = 'applications.accept' and object_id = $1", [r.id]);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.detail)).not.toContain("0123");
    expect(audit[0]!.detail).toMatchObject({ missing: ["history"], urgent: false });
  });

  it("refuses bad input naming the field, another township's person, and a post without intake — storing nothing", async () => {
    const before = await count("select count(*)::int as n from applications");
    await expect(acceptApplication(clerk, intake(taohongPerson, { phone: "12345" }))).rejects.toMatchObject({ code: "invalid", field: "phone" });
    await expect(acceptApplication(clerk, intake(taohongPerson, { bankAccount: "6222-abc" }))).rejects.toMatchObject({ field: "bankAccount" });
    await expect(acceptApplication(clerk, intake(taohongPerson, { filerRelation: "" }))).rejects.toMatchObject({ field: "filerRelation" });
    await expect(acceptApplication(clerk, intake(taohongPerson, { urgent: true }))).rejects.toMatchObject({ field: "urgentReason" });
    await expect(acceptApplication(clerk, intake(taohongPerson, { documents: (intake(taohongPerson).documents as { item: string }[]).map((d) => (d.item === "history" ? { item: "history", status: "missing" } : d)) }))).rejects.toMatchObject({ field: "documents.history" });
    await expect(acceptApplication(clerk, intake(taohongPerson, { acceptedOn: "2099-01-01" }))).rejects.toMatchObject({ field: "acceptedOn" });
    await expect(acceptApplication(clerk, intake(xiaoshajiangPerson))).rejects.toMatchObject({ code: "forbidden" });
    await expect(acceptApplication(await staff("yibao.reviewer"), intake(taohongPerson))).rejects.toMatchObject({ code: "forbidden" });
    expect(await count("select count(*)::int as n from applications")).toBe(before);
    expect(await count("select count(*)::int as n from audit_log where action = 'applications.intake' and outcome = 'refused'")).toBe(2);
  });

  it("township review: forward needs the survey; forwarding starts the county clock", async () => {
    const { id } = await acceptApplication(clerk, intake(taohongPerson));
    const v2 = await beginTownshipReview(clerk, id, { version: 1 });
    expect(v2).toMatchObject({ state: "township_review", version: 2 });
    await expect(forwardApplication(clerk, id, { version: 2 })).rejects.toMatchObject({ code: "invalid", field: "survey" });
    expect(await row(id)).toMatchObject({ state: "township_review", version: 2 });
    const { version } = await recordHouseholdSurvey(clerk, id, { version: 2, surveyedOn: today, visitors: "罗春兰、村干部张明", findings: "家中主要劳动力住院", householdSituation: "家庭年收入约 1.2 万元" });
    const f = await forwardApplication(clerk, id, { version });
    expect(f).toMatchObject({ state: "forwarded", version: 4, dueOn: calendar.addWorkingDays(today, 10) });
    expect(await count("select count(*)::int as n from application_transitions where application_id = $1", [id])).toBe(3);
    // The township cannot act on it any more: a state refusal (409), nothing changes.
    await expect(returnApplication(clerk, id, { version: 4, note: "补病历" })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("已报县级") });
    expect(await row(id)).toMatchObject({ state: "forwarded", version: 4 });
    // The county takes it up; the payment clerk may not (no audit permission), the county clock is unchanged.
    await expect(beginCountyAudit(await staff("yibao.clerk"), id, { version: 4 })).rejects.toMatchObject({ code: "forbidden" });
    expect(await beginCountyAudit(await staff("yibao.reviewer"), id, { version: 4 })).toMatchObject({ state: "county_review", version: 5, dueOn: f.dueOn });
  });

  it("a township clerk cannot act on another township's case: 403, audited, nothing changes", async () => {
    const other: UseCaseContext = { ...clerk, actor: { ...clerk.actor, user: { ...clerk.actor.user, jurisdiction: "430524101000" } } };
    const { id } = await acceptApplication(other, intake(xiaoshajiangPerson));
    await expect(beginTownshipReview(clerk, id, { version: 1 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(refuseApplication(clerk, id, { version: 1, reason: "不符合条件" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await row(id)).toMatchObject({ state: "accepted", version: 1 });
    expect(await count("select count(*)::int as n from audit_log where object_id = $1 and outcome = 'refused'", [id])).toBe(2);
  });

  it("退回补正 suspends the clock; refusal needs a reason and ends it", async () => {
    const { id } = await acceptApplication(clerk, intake(taohongPerson));
    await expect(returnApplication(clerk, id, { version: 1, note: " " })).rejects.toMatchObject({ field: "note" });
    const r = await returnApplication(clerk, id, { version: 1, note: "请补交病史证明" });
    expect(r).toMatchObject({ state: "returned", dueOn: null });
    expect(await row(id)).toMatchObject({ state: "returned", due_on: null, clock_paused_on: today });
    await expect(refuseApplication(clerk, id, { version: 2, reason: "" })).rejects.toMatchObject({ field: "reason" });
    await refuseApplication(clerk, id, { version: 2, reason: "家庭收入超过认定标准" });
    expect(await row(id)).toMatchObject({ state: "refused", version: 3, due_on: null, refusal_reason: "家庭收入超过认定标准" });
    await expect(refuseApplication(clerk, id, { version: 3, reason: "再次" })).rejects.toMatchObject({ code: "conflict" });
  });

  it("two people acting on the same case at once: exactly one wins, the other is told the case changed", async () => {
    const { id } = await acceptApplication(clerk, intake(taohongPerson));
    const results = await Promise.allSettled([
      returnApplication(clerk, id, { version: 1, note: "请补交病史证明" }),
      refuseApplication(clerk, id, { version: 1, reason: "不符合条件" }),
    ]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((x) => x.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "conflict", message: expect.stringContaining("刚被他人办理") });
    expect((await row(id)).version).toBe(2);
    expect(await count("select count(*)::int as n from application_transitions where application_id = $1", [id])).toBe(2);
    // A stale version is refused too.
    await expect(beginTownshipReview(clerk, id, { version: 1 })).rejects.toMatchObject({ code: "conflict" });
  });

  it("`keys rotate` re-seals the contact columns: readable with the new key alone after the old one is retired", async () => {
    const { id } = await acceptApplication(clerk, intake(taohongPerson));
    const sealed = async () =>
      (await s.handle.raw.query<{ phone_sealed: string; bank_holder_sealed: string; bank_account_sealed: string }>(
        "select phone_sealed, bank_holder_sealed, bank_account_sealed from applications where id = $1",
        [id],
      ))[0]!;
    const before = await sealed();
    const old = process.env.PORTAL_DATA_KEY!;
    const fresh = Buffer.alloc(32, 9).toString("base64");
    process.env.PORTAL_DATA_KEY = fresh;
    process.env.PORTAL_DATA_KEY_OLD = old;
    try {
      expect(await resealApplicationContacts(s.handle)).toBeGreaterThan(0);
      expect(await resealApplicationContacts(s.handle)).toBe(0); // nothing left to do
      delete process.env.PORTAL_DATA_KEY_OLD; // retired
      const after = await sealed();
      expect(after.bank_account_sealed).not.toBe(before.bank_account_sealed);
      expect(idCrypto().open(after.bank_account_sealed)).toBe(ACCOUNT);
      expect(idCrypto().open(after.phone_sealed)).toBe(PHONE);
      expect(idCrypto().open(after.bank_holder_sealed)).toBe("王大山");
    } finally {
      process.env.PORTAL_DATA_KEY = old;
      process.env.PORTAL_DATA_KEY_OLD = fresh;
      await resealApplicationContacts(s.handle); // back to the suite's key
      delete process.env.PORTAL_DATA_KEY_OLD;
    }
  });
});
