import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listApplicationQueue as listQueuePage } from "@/db/queries/application-queues";
import { holidayScheduleFingerprint } from "@/db/queries/calendar";
import { acceptApplication } from "@/lib/applications/accept-application";
import { beginTownshipReview } from "@/lib/applications/begin-township-review";
import { countMyQueue } from "@/lib/applications/count-my-queue";
import { forwardApplication } from "@/lib/applications/forward-application";
import { getApplication } from "@/lib/applications/get-application";
import { listApplicationQueue } from "@/lib/applications/list-application-queue";
import { forgetCurrentTownships } from "@/lib/divisions/current-townships";
import { recordHouseholdSurvey } from "@/lib/applications/record-household-survey";
import { returnApplication } from "@/lib/applications/return-application";
import type { UseCaseContext } from "@/lib/auth/context";
import { defaultCalendar } from "@/lib/calendar/domain/default-calendar";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// The case page's read model (getApplication) on the real database: masked
// personal data, the checklist, survey and history with names, the clock, the
// actions each post may take, and the refusals (404 for a bad id, 403 for
// another township's case, audited). Clock fixed at Wednesday 2026-11-18.
const NOW = new Date("2026-11-18T02:00:00Z");

describe.each(drivers())("application read model on %s", (driver) => {
  let s: Scratch;
  let clerk: UseCaseContext;
  let other: UseCaseContext;
  let taohongPerson: string;
  let xiaoshajiangPerson: string;
  const today = "2026-11-18";
  const calendar = defaultCalendar();
  let accepted = today;
  for (let i = 0; i < 7 && calendar.workingDaysBetween(accepted, today) < 2; i++) {
    accepted = new Date(Date.parse(`${accepted}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  }

  beforeAll(async () => {
    s = await seededDb(driver);
    clerk = { ...(await contextOf(s, "taohong.clerk")), now: () => NOW };
    // The seed has one township clerk; the same account moved to 小沙江镇 stands for that township's clerk.
    other = { ...clerk, actor: { ...clerk.actor, user: { ...clerk.actor.user, jurisdiction: "430524101000" } } };
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
      { item: "certification", status: "waived", waiveReason: "民政系统可查" },
      { item: "diagnosis", status: "supplied" },
      { item: "history", status: "missing", dueOn: "2026-11-30" },
      { item: "receipts", status: "supplied" },
    ],
    ...extra,
  });
  const count = async (sql: string, params: unknown[] = []) => Number((await s.handle.raw.query<{ n: number }>(sql, params))[0]!.n);

  it("shows the case masked, with checklist, survey, history by name, the clock and the township's actions", async () => {
    const { id, caseNo, dueOn } = await acceptApplication(clerk, intake(taohongPerson, { urgent: true, urgentReason: "突发脑出血" }));
    const { version } = await beginTownshipReview(clerk, id, { version: 1 });
    await recordHouseholdSurvey(clerk, id, { version, surveyedOn: today, visitors: "罗春兰", findings: "属实", householdSituation: "困难" });
    const v = await getApplication(clerk, id);
    expect(v).toMatchObject({ caseNo, state: "township_review", stateName: "乡镇审核中", version: 3, urgent: true, urgentReason: "突发脑出血", phoneMasked: "*******5678" });
    expect(v.bank).toEqual({ name: "中国农业银行隆回县支行", accountMasked: "6222 **** **** 0123", holderOnFile: true });
    expect(v.person.idNumberMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(v.person.placeName).toMatch(/^桃洪镇 /);
    expect(v.filer).toMatchObject({ kindName: "家属代办", name: "李春花", relation: "配偶" });
    expect(v.missingDocuments).toEqual(["病史证明"]);
    expect(v.documents.find((d) => d.item === "history")).toMatchObject({ status: "missing", statusName: "缺件待补", dueOn: "2026-11-30" });
    expect(v.documents.find((d) => d.item === "certification")).toMatchObject({ status: "waived", waiveReason: "民政系统可查" });
    expect(v.survey).toMatchObject({ visitors: "罗春兰", recordedByName: clerk.actor.user.displayName });
    expect(v.transitions.map((t) => [t.actionName, t.toName, t.actorName])).toEqual([
      ["受理", "已受理", clerk.actor.user.displayName],
      ["开始乡镇审核", "乡镇审核中", clerk.actor.user.displayName],
    ]);
    expect(v.clock).toMatchObject({ step: "township", paused: false, dueOn, overdue: false, daysLeft: calendar.workingDaysBetween(today, dueOn), used: 2 });
    expect(v.clock!.note).toContain(`（${dueOn} 到期）`);
    expect(v.actions.sort()).toEqual(["forward", "refuse", "return_for_documents"]);
    // Nothing sealed or clear leaks into the view.
    const text = JSON.stringify(v);
    expect(text).not.toContain("6222021234567890123");
    expect(text).not.toContain("13812345678");
    expect(text).not.toContain("王大山");
    // Read is audited; the county reviewer sees it with no township action.
    expect(await count("select count(*)::int as n from audit_log where action = 'applications.view' and object_id = $1 and outcome = 'success'", [id])).toBe(1);
    expect((await getApplication(await staff("yibao.reviewer"), id)).actions).toEqual([]);
  });

  it("a returned case: clock paused with the days used and left", async () => {
    const { id } = await acceptApplication(clerk, intake(taohongPerson));
    await returnApplication(clerk, id, { version: 1, note: "请补交病史证明" });
    const v = await getApplication(clerk, id);
    expect(v.clock).toMatchObject({ paused: true, dueOn: null, daysLeft: null, used: 2, left: 8 });
    expect(v.clock!.note).toContain("已用 2 个工作日，恢复审核后还有 8 个工作日");
    expect(v.transitions.at(-1)).toMatchObject({ actionName: "退回补正", fromName: "已受理", toName: "退回补正", reason: "请补交病史证明" });
  });

  it("404 for a malformed or unknown id; 403 for another township's case (audited), nothing changes", async () => {
    await expect(getApplication(clerk, "not-an-id")).rejects.toMatchObject({ code: "not_found" });
    await expect(getApplication(clerk, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "not_found" });
    const { id } = await acceptApplication(other, intake(xiaoshajiangPerson));
    await expect(getApplication(clerk, id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await count("select count(*)::int as n from audit_log where action = 'applications.view' and object_id = $1 and outcome = 'refused'", [id])).toBe(1);
    expect(await count("select version as n from applications where id = $1", [id])).toBe(1);
    // A 民政 clerk holds no applications permission at all.
    await expect(getApplication(await staff("minzheng.clerk"), id)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("queues: each post its own cases, urgent first then by due date, days left and overdue, counts as on the workbench", async () => {
    // An overdue case (accepted 2026-10-09, due 10 working days later), an urgent one, a forwarded one, another township's.
    const late = await acceptApplication(clerk, intake(taohongPerson, { acceptedOn: "2026-10-09" }));
    const urgent = await acceptApplication(clerk, intake(taohongPerson, { urgent: true, urgentReason: "突发重症" }));
    const sent = await acceptApplication(clerk, intake(taohongPerson));
    const { version } = await beginTownshipReview(clerk, sent.id, { version: 1 });
    const surveyed = await recordHouseholdSurvey(clerk, sent.id, { version, surveyedOn: today, visitors: "罗春兰", findings: "属实", householdSituation: "困难" });
    await forwardApplication(clerk, sent.id, { version: surveyed.version });
    const elsewhere = await acceptApplication(other, intake(xiaoshajiangPerson));

    const q = await listApplicationQueue(clerk, {});
    const ids = q.rows.map((r) => r.id);
    expect(ids).toContain(late.id);
    expect(ids).not.toContain(sent.id); // with the county now
    expect(ids).not.toContain(elsewhere.id); // another township
    expect(q.rows.every((r) => ["accepted", "township_review", "returned", "payment_failed"].includes(r.state))).toBe(true);
    // Urgent first, then by due date (paused cases, without one, last).
    const urgentCount = q.rows.filter((r) => r.urgent).length;
    expect(q.rows.slice(0, urgentCount).every((r) => r.urgent)).toBe(true);
    const dues = q.rows.slice(urgentCount).map((r) => r.clock?.dueOn ?? "9999");
    expect(dues).toEqual([...dues].sort());
    expect(q.rows.slice(0, urgentCount).map((r) => r.id)).toContain(urgent.id);
    const lateRow = q.rows.find((r) => r.id === late.id)!;
    expect(lateRow.clock).toMatchObject({ overdue: true, dueOn: late.dueOn, daysLeft: -calendar.workingDaysBetween(late.dueOn, today) });
    expect(lateRow.missingDocuments).toBe(1);
    expect(lateRow.idNumberMasked).toContain("********");
    // The queue opens the page's IDs itself (one pass over its rows): the same mask and name as the case page shows.
    const latePerson = (await getApplication(clerk, late.id)).person;
    expect({ personName: lateRow.personName, idNumberMasked: lateRow.idNumberMasked }).toEqual({ personName: latePerson.name, idNumberMasked: latePerson.idNumberMasked });
    // Counts straight from the table.
    const mine = await count("select count(*)::int as n from applications where township_code = '430524100000' and state in ('accepted','township_review','returned','payment_failed')");
    const overdue = await count(`select count(*)::int as n from applications where township_code = '430524100000' and state in ('accepted','township_review','returned','payment_failed') and due_on < '${today}'`);
    expect(q.counts).toEqual({ total: mine, overdue, urgent: await count("select count(*)::int as n from applications where township_code = '430524100000' and state in ('accepted','township_review','returned','payment_failed') and urgent") });
    expect(overdue).toBeGreaterThanOrEqual(1);
    expect(await countMyQueue(clerk)).toEqual({ roleName: "乡镇经办员", ...q.counts });
    // The counts come with the page (window aggregates); a page past the end counts apart, with the same figures.
    const beyond = await listApplicationQueue(clerk, { page: 99 });
    expect(beyond).toMatchObject({ rows: [], hasMore: false, counts: q.counts });

    // The township filter's list is kept in process until the divisions change (forgetCurrentTownships).
    const reviewerQueue = async () => (await listApplicationQueue(await staff("yibao.reviewer"), {})).townships.map((t) => t.code);
    expect(await reviewerQueue()).toContain("430524101000");
    await s.handle.raw.query("insert into divisions (code, name, level, parent_code, valid_from) values ('430524198000', '测试新设镇', 'township', '430524000000', '2026-01-01')");
    expect(await reviewerQueue()).not.toContain("430524198000");
    forgetCurrentTownships();
    expect(await reviewerQueue()).toContain("430524198000");
    await s.handle.raw.query("delete from divisions where code = '430524198000'");
    forgetCurrentTownships();
    expect(await reviewerQueue()).not.toContain("430524198000");

    // The county reviewer: forwarded cases of every township, none still at the township.
    const reviewer = await staff("yibao.reviewer");
    const county = await listApplicationQueue(reviewer, {});
    expect(county.rows.map((r) => r.id)).toContain(sent.id);
    expect(county.rows.every((r) => ["forwarded", "county_review", "joint_meeting"].includes(r.state))).toBe(true);
    const xsj = await listApplicationQueue(reviewer, { state: "all", township: "430524101000" });
    expect(xsj.rows.map((r) => r.id)).toContain(elsewhere.id);
    expect(xsj.rows.every((r) => r.placeName.startsWith("小沙江镇"))).toBe(true);
    expect((await listApplicationQueue(clerk, { state: "forwarded" })).rows.map((r) => r.id)).toContain(sent.id);
    expect((await countMyQueue(await staff("yibao.clerk")))?.total).toBe(0);
    expect(await countMyQueue(await staff("minzheng.clerk"))).toBeNull();

    // Refusals: a township outside the jurisdiction (403, audited), a bad state or code (invalid).
    await expect(listApplicationQueue(clerk, { township: "430524101000" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listApplicationQueue(clerk, { state: "bogus" })).rejects.toMatchObject({ code: "invalid", field: "state" });
    await expect(listApplicationQueue(clerk, { township: "4305" })).rejects.toMatchObject({ code: "invalid", field: "township" });
  });
  it("queue page: place names kept until the divisions change, the calendar re-read when a schedule version is added, nothing outside the prefix", async () => {
    await acceptApplication(clerk, intake(taohongPerson));
    await acceptApplication(other, intake(xiaoshajiangPerson));
    const q = await listApplicationQueue(clerk, { state: "all" });
    expect(q.rows.length).toBeGreaterThan(0);
    // Place names as the database names them (village and its township).
    const places = await s.handle.raw.query<{ id: string; division_code: string; place: string }>(
      `select a.id, p.division_code, t.name || ' ' || v.name as place from applications a join people p on p.id = a.person_id
       join divisions v on v.code = p.division_code and v.valid_to is null
       join divisions t on t.code = substr(p.division_code, 1, 9) || '000' and t.valid_to is null where a.township_code = '430524100000'`,
    );
    const placeOf = new Map(places.map((r) => [r.id, r.place]));
    expect(q.rows.map((r) => r.placeName)).toEqual(q.rows.map((r) => placeOf.get(r.id)));
    // Kept in process (like the township list) until the divisions are loaded again.
    const row = q.rows[0]!;
    const village = places.find((r) => r.id === row.id)!.division_code;
    const before = (await s.handle.raw.query<{ name: string }>("select name from divisions where code = $1 and valid_to is null", [village]))[0]!.name;
    await s.handle.raw.query("update divisions set name = '测试改名村' where code = $1 and valid_to is null", [village]);
    try {
      expect((await listApplicationQueue(clerk, { state: "all" })).rows[0]!.placeName).toBe(row.placeName);
      forgetCurrentTownships();
      expect((await listApplicationQueue(clerk, { state: "all" })).rows[0]!.placeName).toBe(`桃洪镇 测试改名村`);
    } finally {
      await s.handle.raw.query("update divisions set name = $2 where code = $1 and valid_to is null", [village, before]);
      forgetCurrentTownships();
    }

    // The calendar: read with the page (its fingerprint is the one holidayScheduleFingerprint gives), and a
    // new version of the year's schedule is used at once — every clock as the case page computes it.
    const page = await listQueuePage(s.handle.db, { scopePrefix: "430524100", states: ["accepted"], limit: 50, offset: 0 }, today);
    expect(page.calendarFingerprint).toBe(await holidayScheduleFingerprint(s.handle.db));
    const running = q.rows.find((r) => r.clock && !r.clock.paused && r.clock.dueOn! > today)!;
    expect(running.clock).toEqual((await getApplication(clerk, running.id)).clock);
    await s.handle.raw.query(
      `insert into holiday_schedules (year, version, schedule, note)
       select year, version + 1, jsonb_set(schedule, '{holidays}', (schedule->'holidays') || '[{"name": "测试假日", "days": ["2026-11-19", "2026-11-20"]}]'::jsonb), '测试队列'
       from holiday_schedules where year = 2026 order by version desc limit 1`,
    );
    try {
      const moved = (await listApplicationQueue(clerk, { state: "all" })).rows.find((r) => r.id === running.id)!;
      expect(moved.clock!.dueOn).not.toBe(running.clock!.dueOn);
      expect(moved.clock).toEqual((await getApplication(clerk, running.id)).clock);
    } finally {
      await s.handle.raw.query("delete from holiday_schedules where note = '测试队列'");
    }
    expect((await listApplicationQueue(clerk, { state: "all" })).rows.find((r) => r.id === running.id)!.clock).toEqual(running.clock);

    // A township outside the caller's prefix: nothing, whatever its cases (the use case refuses it before).
    const states = ["accepted", "township_review", "returned", "payment_failed"] as const;
    const elsewhere = await listQueuePage(s.handle.db, { scopePrefix: "430524100", township: "430524101000", states, limit: 50, offset: 0 }, today);
    expect(elsewhere).toMatchObject({ rows: [], counts: { total: 0, overdue: 0, urgent: 0 } });
    expect((await listQueuePage(s.handle.db, { scopePrefix: "430524", township: "430524101000", states, limit: 50, offset: 0 }, today)).rows.length).toBeGreaterThan(0);
  });
  it("a deadline running into provisional 2027 is computed and says the year is provisional", async () => {
    // Fri 2026-12-18: 12-21 … 12-31 are working days 1–9, [Fri 2027-01-01 元旦, weekend], the 10th is Mon 2027-01-04.
    const december = { ...clerk, now: () => new Date("2026-12-18T02:00:00Z") };
    const person = (await s.handle.raw.query<{ id: string }>("select id from people where division_code like '430524100%' order by id offset 7 limit 1"))[0]!.id;
    const { id, dueOn } = await acceptApplication(december, intake(person, { acceptedOn: "2026-12-18" }));
    expect(dueOn).toBe("2027-01-04");
    const v = await getApplication(december, id);
    expect(v.clock).toMatchObject({ dueOn: "2027-01-04", daysLeft: 10, provisionalNotice: "2027年节假日安排为暂定（按法定节日推算），国务院通知发布后请管理员导入正式安排" });
    // The November case of the first test stays inside 2026: no notice.
    const [nov] = await s.handle.raw.query<{ id: string }>("select id from applications where accepted_on < '2026-12-01' order by accepted_on limit 1");
    expect((await getApplication(clerk, nov!.id)).clock?.provisionalNotice ?? null).toBeNull();
  });
});
