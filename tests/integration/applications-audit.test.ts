import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptApplication } from "@/lib/applications/accept-application";
import { addManualReceipt } from "@/lib/applications/add-manual-receipt";
import { claimsOfCase } from "@/lib/applications/case-amount";
import { approveApplication } from "@/lib/applications/approve-application";
import { beginCountyAudit } from "@/lib/applications/begin-county-audit";
import { beginTownshipReview } from "@/lib/applications/begin-township-review";
import { computeApplicationAmount } from "@/lib/applications/compute-application-amount";
import { OVERRIDE_ROLES } from "@/lib/applications/domain/transitions";
import { workflowRoleOf } from "@/lib/applications/domain/workflow-roles";
import { forwardApplication } from "@/lib/applications/forward-application";
import { recordHouseholdSurvey } from "@/lib/applications/record-household-survey";
import { recordJointDecision } from "@/lib/applications/record-joint-decision";
import { referToJointMeeting } from "@/lib/applications/refer-to-joint-meeting";
import { removeManualReceipt } from "@/lib/applications/remove-manual-receipt";
import { resumeReview } from "@/lib/applications/resume-review";
import { returnApplication } from "@/lib/applications/return-application";
import { setApplicationClaims } from "@/lib/applications/set-application-claims";
import { updateApplicationDocuments } from "@/lib/applications/update-application-documents";
import type { UseCaseContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/domain/can";
import { ROLES } from "@/lib/auth/domain/roles";
import { defaultCalendar } from "@/lib/calendar/domain/default-calendar";
import { DEPARTMENTS } from "@/lib/departments/departments";
import { activatePolicyVersion } from "@/lib/policies/activate-policy-version";
import { seedDemoPolicy } from "@/seed/policies";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// The county audit of on-application cases through the real use cases on both
// drivers: claims ticked from the ledger and receipts entered by hand, the
// engine's amount under the demo county's copy of 003, the annual pool across
// two applications, the override, 容缺受理 blocking the approval, and two
// reviewers approving the same case at once. Clock fixed at 10:00 Beijing on
// Wednesday 2026-11-18 (as in applications-intake.test.ts).
//
// 003 (邵医保发〔2021〕32号) §三(八): "对其经基本医保、大病保险支付后，属于医疗救助政策支付范围内的
// 费用救助标准统一为：起付线 6000 元，按 50%救助，年度救助最高限额为 5 万元。"
// The deductible is per application ("依申请、经审核后按次享受医疗救助待遇").
//
// Application 1 (a 防止返贫监测帮扶对象), hand-worked:
//   A  inpatient  2026-03-10  in scope 60000 − basic 36000 − critical 7800 = 16200 left
//   B  outpatient 2026-04-02  in scope  8000 − basic  4000 − critical    0 =  4000 left
//   R  receipt entered by hand (out-of-county hospital) 2026-05-20: 10000 − 5000 − 0 = 5000 left
//   eligible 16200 + 4000 + 5000 = 25200; one 6000 deductible for the application:
//   (25200 − 6000) × 50 % = 9600.00, within the 50000 of the year.
// Application 2, same person, same year:
//   D 2026-08-01: 200000 − 100000 − 20000 = 80000; E 2026-09-15: 100000 − 50000 − 10000 = 40000
//   (120000 − 6000) × 50 % = 57000, but only 50000 − 9600 = 40400 remain → 40400.00.
const NOW = new Date("2026-11-18T02:00:00Z");

describe.each(drivers())("county audit of on-application cases on %s", (driver) => {
  let s: Scratch;
  let clerk: UseCaseContext;
  let reviewer: UseCaseContext;
  let manager: UseCaseContext;
  let person: string;
  let otherPerson: string;
  const claim: Record<string, string> = {};
  const today = "2026-11-18";
  const calendar = defaultCalendar();
  let accepted = today;
  for (let i = 0; i < 7 && calendar.workingDaysBetween(accepted, today) < 2; i++) {
    accepted = new Date(Date.parse(`${accepted}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  }

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => s.handle.raw.query<T>(sql, params);
  const staff = async (username: string): Promise<UseCaseContext> => ({ ...(await contextOf(s, username)), now: () => NOW });

  beforeAll(async () => {
    s = await seededDb(driver);
    await seedDemoPolicy(s.handle.db);
    clerk = await staff("taohong.clerk");
    reviewer = await staff("yibao.reviewer");
    manager = await staff("yibao.manager");
    const two = await q<{ id: string }>("select id from people where division_code like '430524100%' order by id limit 2");
    person = two[0]!.id;
    otherPerson = two[1]!.id;
    for (const p of [person, otherPerson]) {
      await q("insert into person_categories (person_id, category, from_date, to_date, source) values ($1, 'monitored', '2026-01-01', null, 'fixture')", [p]);
    }
    const rows: [string, string, string, string, string, string, string][] = [
      // key, person, date, setting, scope, basic, critical
      ["A", person, "2026-03-10", "inpatient", "60000", "36000", "7800"],
      ["B", person, "2026-04-02", "outpatient", "8000", "4000", "0"],
      ["D", person, "2026-08-01", "inpatient", "200000", "100000", "20000"],
      ["E", person, "2026-09-15", "inpatient", "100000", "50000", "10000"],
      ["F", person, "2026-10-08", "inpatient", "30000", "15000", "0"],
      ["X", otherPerson, "2026-03-01", "inpatient", "50000", "30000", "0"],
      ["Y", otherPerson, "2025-06-01", "inpatient", "50000", "30000", "0"],
    ];
    for (const [key, who, date, setting, scope, basic, critical] of rows) {
      const [r] = await q<{ id: string }>(
        `insert into claims (external_id, person_id, claim_date, setting, hospital_name, hospital_level, total_cost, policy_scope_cost, out_of_scope_cost, basic_paid, critical_paid)
         values ($1, $2, $3, $4, '隆回县人民医院', 2, $5, $5, 0, $6, $7) returning id`,
        [`JS-AUDIT-${key}`, who, date, setting, scope, basic, critical],
      );
      claim[key] = r!.id;
    }
  }, 300_000);
  afterAll(async () => {
    await s?.drop();
  });

  const intake = (extra: Record<string, unknown> = {}) => ({
    personId: person,
    acceptedOn: accepted,
    filerKind: "self",
    phone: "13812345678",
    bankHolder: "王大山",
    bankName: "中国农业银行隆回县支行",
    bankAccount: "6222021234567890123",
    diagnosisSummary: "急性心肌梗死，住院介入治疗",
    documents: ["identity", "certification", "diagnosis", "history", "receipts"].map((item) => ({ item, status: "supplied" })),
    ...extra,
  });
  const state = async (id: string) =>
    (await q<{ state: string; version: number; computed_amount: string | null; approved_amount: string | null; override_reason: string | null; approved_on: string | null }>(
      "select state, version, computed_amount::text, approved_amount::text, override_reason, approved_on::text from applications where id = $1",
      [id],
    ))[0]!;

  /** Accept, tick the claims, survey, forward and take up at the county: a case in county_review. */
  async function caseInCountyReview(claimKeys: string[], extra: Record<string, unknown> = {}, receipts: Record<string, string>[] = []) {
    const { id } = await acceptApplication(clerk, intake(extra));
    let v = (await beginTownshipReview(clerk, id, { version: 1 })).version;
    v = (await setApplicationClaims(clerk, id, { version: v, claimIds: claimKeys.map((k) => claim[k]) })).version;
    for (const r of receipts) v = (await addManualReceipt(clerk, id, { version: v, ...r })).version;
    v = (await recordHouseholdSurvey(clerk, id, { version: v, surveyedOn: today, visitors: "罗春兰、村干部张明", findings: "家中主要劳动力住院", householdSituation: "家庭年收入约 1.2 万元" })).version;
    v = (await forwardApplication(clerk, id, { version: v })).version;
    v = (await beginCountyAudit(reviewer, id, { version: v })).version;
    return { id, version: v };
  }

  const receipt = (extra: Record<string, string> = {}) => ({
    receiptNo: "",
    date: "2026-05-20",
    setting: "住院",
    hospital: "中南大学湘雅医院",
    hospitalLevel: "三级甲等",
    specialDisease: "否",
    referred: "是",
    inCity: "否",
    totalCost: "12000",
    policyScopeCost: "10000",
    basicPaid: "5000",
    criticalPaid: "0",
    ...extra,
  });

  it("the permission matrix and the state machine agree on who may override the amount", () => {
    for (const department of DEPARTMENTS) {
      for (const role of ROLES) {
        const user = { department, role, jurisdiction: "430524000000" };
        const post = workflowRoleOf(user);
        expect(can(user as never, "applications.override"), `${department} × ${role}`).toBe(post !== null && OVERRIDE_ROLES.includes(post));
      }
    }
  });

  it("hand-entered receipts are checked like the claims import, naming the field, and change nothing when refused", async () => {
    const { id } = await acceptApplication(clerk, intake());
    const count = async () => Number((await q<{ n: number }>("select count(*)::int as n from application_receipts where application_id = $1", [id]))[0]!.n);
    await expect(addManualReceipt(clerk, id, { version: 1, ...receipt({ totalCost: "一万二" }) })).rejects.toMatchObject({ code: "invalid", field: "totalCost" });
    await expect(addManualReceipt(clerk, id, { version: 1, ...receipt({ policyScopeCost: "13000" }) })).rejects.toMatchObject({ field: "policyScopeCost", message: expect.stringContaining("大于医疗总费用") });
    await expect(addManualReceipt(clerk, id, { version: 1, ...receipt({ hospital: "" }) })).rejects.toMatchObject({ field: "hospital" });
    await expect(addManualReceipt(clerk, id, { version: 1, ...receipt({ setting: "急诊" }) })).rejects.toMatchObject({ field: "setting" });
    await expect(addManualReceipt(clerk, id, { version: 1, ...receipt({ date: "2026-12-01" }) })).rejects.toMatchObject({ field: "date", message: expect.stringContaining("晚于今天") });
    await expect(addManualReceipt(clerk, id, { version: 1, ...receipt({ date: "2025-12-30" }) })).rejects.toMatchObject({ field: "date", message: expect.stringContaining("不在申请年度") });
    await expect(addManualReceipt(clerk, id, { version: 1, ...receipt({ receiptNo: "JS-AUDIT-A" }) })).rejects.toMatchObject({ field: "receiptNo", message: expect.stringContaining("勾选") });
    await expect(addManualReceipt(reviewer, id, { version: 1, ...receipt() })).rejects.toMatchObject({ code: "forbidden" });
    expect(await count()).toBe(0);
    expect((await state(id)).version).toBe(1);
    const first = await addManualReceipt(clerk, id, { version: 1, ...receipt() });
    expect(first).toMatchObject({ version: 2, receiptNo: expect.stringMatching(/^MANUAL-SQ-430524100-2026-\d{4}-1$/) });
    // The case's terms are fixed by a receipt as by ticked claims (a case may have receipts only).
    expect((await q<{ category: string; policy_version_id: number | null }>("select category, policy_version_id from applications where id = $1", [id]))[0]).toMatchObject({ category: "monitored", policy_version_id: expect.any(Number) });
    const second = await addManualReceipt(clerk, id, { version: 2, ...receipt({ receiptNo: "XY-2026-0088" }) });
    expect(second.receiptNo).toBe("XY-2026-0088");
    await expect(addManualReceipt(clerk, id, { version: 3, ...receipt({ receiptNo: "XY-2026-0088" }) })).rejects.toMatchObject({ field: "receiptNo" });
    const [r] = await q<{ id: string }>("select id from application_receipts where receipt_no = 'XY-2026-0088' and application_id = $1", [id]);
    expect(await removeManualReceipt(clerk, id, { version: 3, receiptId: r!.id })).toEqual({ version: 4 });
    expect(await count()).toBe(1);
    const audit = await q<{ action: string }>("select action from audit_log where object_id = $1 and action like 'applications.%_receipt' order by id", [id]);
    expect(audit.map((a) => a.action)).toEqual(["applications.add_receipt", "applications.add_receipt", "applications.remove_receipt"]);
  });

  it("a hand-entered receipt carries 医疗机构减免 and 商业补充保险 into the case's claims (004 §二(二)3 四), checked like the claims file", async () => {
    const { id } = await acceptApplication(clerk, intake());
    await expect(addManualReceipt(clerk, id, { version: 1, ...receipt({ hospitalWaived: "-5" }) })).rejects.toMatchObject({ code: "invalid", field: "hospitalWaived" });
    await expect(addManualReceipt(clerk, id, { version: 1, ...receipt({ commercialPaid: "两百" }) })).rejects.toMatchObject({ code: "invalid", field: "commercialPaid" });
    const { receiptNo } = await addManualReceipt(clerk, id, { version: 1, ...receipt({ hospitalWaived: "1000.50", commercialPaid: "200" }) });
    await addManualReceipt(clerk, id, { version: 2, ...receipt({ receiptNo: "XY-2026-0099" }) });
    const stored = await q<{ receipt_no: string; hospital_waived: string; commercial_paid: string }>(
      "select receipt_no, hospital_waived::text, commercial_paid::text from application_receipts where application_id = $1 order by receipt_no",
      [id],
    );
    expect(stored).toEqual([
      { receipt_no: receiptNo, hospital_waived: "1000.50", commercial_paid: "200.00" },
      { receipt_no: "XY-2026-0099", hospital_waived: "0.00", commercial_paid: "0.00" },
    ]);
    const claims = await claimsOfCase(s.handle.db, { id, personId: person, year: 2026 });
    expect(claims.find((c) => c.id === receiptNo)).toMatchObject({ hospitalWaived: 100050, commercialPaid: 20000 });
    expect(claims.find((c) => c.id === "XY-2026-0099")).not.toHaveProperty("hospitalWaived");
  });

  it("ticking claims: only the applicant's claims of the year; another person's claim is refused and nothing changes", async () => {
    const { id } = await acceptApplication(clerk, intake());
    await expect(setApplicationClaims(clerk, id, { version: 1, claimIds: [claim.A, claim.X] })).rejects.toMatchObject({ code: "invalid", field: "claimIds", message: expect.stringContaining("不属于申请人") });
    await expect(setApplicationClaims(clerk, id, { version: 1, claimIds: ["not-a-uuid"] })).rejects.toMatchObject({ field: "claimIds" });
    await expect(setApplicationClaims(reviewer, id, { version: 1, claimIds: [claim.A] })).rejects.toMatchObject({ code: "forbidden" });
    expect(Number((await q<{ n: number }>("select count(*)::int as n from application_claims where application_id = $1", [id]))[0]!.n)).toBe(0);
    expect((await state(id)).version).toBe(1);
    // Replacing the set; the terms on the acceptance date are fixed on the case.
    expect(await setApplicationClaims(clerk, id, { version: 1, claimIds: [claim.A, claim.B] })).toEqual({ version: 2, claims: 2 });
    expect(await setApplicationClaims(clerk, id, { version: 2, claimIds: [claim.F] })).toEqual({ version: 3, claims: 1 });
    const ticked = await q<{ claim_id: string }>("select claim_id from application_claims where application_id = $1", [id]);
    expect(ticked.map((t) => t.claim_id)).toEqual([claim.F]);
    expect((await q<{ category: string; joint_meeting: boolean }>("select category, joint_meeting from applications where id = $1", [id]))[0]).toMatchObject({ category: "monitored", joint_meeting: false });
    // A claim already in another live case cannot be counted twice.
    const other = await acceptApplication(clerk, intake());
    await expect(setApplicationClaims(clerk, other.id, { version: 1, claimIds: [claim.F] })).rejects.toMatchObject({ field: "claimIds", message: expect.stringContaining("已计入申请") });
    // Returned and resumed: the township may still tick; the clock resumes.
    await returnApplication(clerk, id, { version: 3, note: "请补交病史证明" });
    expect(await resumeReview(clerk, id, { version: 4 })).toMatchObject({ state: "township_review", version: 5 });
    await setApplicationClaims(clerk, id, { version: 5, claimIds: [] }); // frees F for the pool test below
  });

  it("003 amount hand-worked, approved by the reviewer after a missing document is waived; a second application gets only what is left", async () => {
    const app1 = await caseInCountyReview(["A", "B"], { documents: intake().documents.map((d) => (d.item === "history" ? { item: "history", status: "missing", dueOn: today } : d)) }, [receipt()]);
    const amount = await computeApplicationAmount(reviewer, app1.id);
    expect(amount).toMatchObject({ computed: "9600.00", eligible: "25200.00", ceiling: "50000.00", jointMeeting: false });
    expect(amount.pool).toEqual({ name: "依申请救助年度限额", limit: "50000.00", approvedBefore: "0.00", room: "50000.00" });
    expect(amount.terms).toMatchObject({ category: "monitored", categoryName: "防止返贫监测帮扶对象" });
    expect(amount.claims.map((c) => c.assistance)).toEqual(["5100.00", "2000.00", "2500.00"]);

    // 容缺受理: the county cannot approve while 病史证明 is missing.
    await expect(approveApplication(reviewer, app1.id, { version: app1.version })).rejects.toMatchObject({ code: "invalid", field: "documents", message: expect.stringContaining("病史证明") });
    expect(await state(app1.id)).toMatchObject({ state: "county_review", version: app1.version, approved_amount: null });
    await expect(updateApplicationDocuments(reviewer, app1.id, { version: app1.version, item: "history", status: "waived", reason: " " })).rejects.toMatchObject({ field: "reason" });
    const w = await updateApplicationDocuments(reviewer, app1.id, { version: app1.version, item: "history", status: "waived", reason: "既往病史已在本年度诊断病历中载明" });
    // The browser's figure is never used: an empty amount is the engine's.
    const ok = await approveApplication(reviewer, app1.id, { version: w.version, amount: "" });
    expect(ok).toMatchObject({ state: "approved", version: w.version + 1, dueOn: calendar.addWorkingDays(today, 10) });
    expect(await state(app1.id)).toMatchObject({ state: "approved", computed_amount: "9600.00", approved_amount: "9600.00", override_reason: null, approved_on: today });
    await expect(approveApplication(reviewer, app1.id, { version: ok.version })).rejects.toMatchObject({ code: "conflict" }); // approve twice

    // Application 2: the pool has 40400 left.
    const app2 = await caseInCountyReview(["D", "E"]);
    const second = await computeApplicationAmount(reviewer, app2.id);
    expect(second).toMatchObject({ computed: "40400.00", eligible: "120000.00", ceiling: "40400.00" });
    expect(second.pool).toMatchObject({ approvedBefore: "9600.00", room: "40400.00" });

    // Override: the reviewer may not (refused, audited, nothing changed); the manager may, with a reason, within the room.
    await expect(approveApplication(reviewer, app2.id, { version: app2.version, amount: "35000", reason: "部分费用已获慈善救助" })).rejects.toMatchObject({ code: "forbidden", field: "amount" });
    expect(await state(app2.id)).toMatchObject({ state: "county_review", version: app2.version, approved_amount: null });
    expect(Number((await q<{ n: number }>("select count(*)::int as n from audit_log where object_id = $1 and action = 'applications.override' and outcome = 'refused'", [app2.id]))[0]!.n)).toBe(1);
    await expect(approveApplication(manager, app2.id, { version: app2.version, amount: "35000" })).rejects.toMatchObject({ field: "reason" });
    await expect(approveApplication(manager, app2.id, { version: app2.version, amount: "45000", reason: "按单次计算" })).rejects.toMatchObject({ field: "amount", message: expect.stringContaining("剩余额度 40400.00 元") });
    await expect(approveApplication(manager, app2.id, { version: app2.version, amount: "12.345", reason: "x" })).rejects.toMatchObject({ field: "amount" });
    expect((await state(app2.id)).version).toBe(app2.version);
    await approveApplication(manager, app2.id, { version: app2.version, amount: "35000", reason: "部分费用已获慈善救助 5400 元" });
    expect(await state(app2.id)).toMatchObject({ state: "approved", computed_amount: "40400.00", approved_amount: "35000.00", override_reason: "部分费用已获慈善救助 5400 元" });

    // A third application: 50000 − 9600 − 35000 = 5400 left; F alone would be (15000 − 6000) × 50 % = 4500.
    const app3 = await caseInCountyReview(["F"]);
    expect(await computeApplicationAmount(reviewer, app3.id)).toMatchObject({ computed: "4500.00", ceiling: "5400.00", pool: { approvedBefore: "44600.00" } });

    // Two reviewers approving the same case at once: exactly one wins, the other is told the case changed.
    const otherReviewer = await staff("yibao.reviewer");
    const results = await Promise.allSettled([
      approveApplication(reviewer, app3.id, { version: app3.version }),
      approveApplication(otherReviewer, app3.id, { version: app3.version }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "conflict", message: expect.stringContaining("刚被他人办理") });
    expect(await state(app3.id)).toMatchObject({ state: "approved", version: app3.version + 1, approved_amount: "4500.00" });
    expect(Number((await q<{ n: number }>("select count(*)::int as n from application_transitions where application_id = $1 and action = 'approve'", [app3.id]))[0]!.n)).toBe(1);
    const audit = await q<{ detail: Record<string, unknown> }>("select detail from audit_log where object_id = $1 and action = 'applications.approve'", [app3.id]);
    expect(audit).toHaveLength(1);
  });

  // Near the end: it puts 000 (城口, in force until 2025-12-31) in the county from 2025-01-01; a case of 2025.
  it("where the policy says so (000 §三(八) 一事一议) the case goes to the joint meeting, whose decision is recorded", async () => {
    await activatePolicyVersion(manager, { policyId: "chengkou-2022", version: 1 }, { activeFrom: "2025-01-01" });
    const { id } = await acceptApplication(clerk, intake({ personId: otherPerson, acceptedOn: "2025-12-01" }));
    let v = (await beginTownshipReview(clerk, id, { version: 1 })).version;
    v = (await setApplicationClaims(clerk, id, { version: v, claimIds: [claim.Y] })).version;
    expect((await q<{ joint_meeting: boolean }>("select joint_meeting from applications where id = $1", [id]))[0]!.joint_meeting).toBe(true);
    v = (await recordHouseholdSurvey(clerk, id, { version: v, surveyedOn: today, visitors: "罗春兰", findings: "属实", householdSituation: "困难" })).version;
    v = (await forwardApplication(clerk, id, { version: v })).version;
    v = (await beginCountyAudit(reviewer, id, { version: v })).version;
    await expect(approveApplication(reviewer, id, { version: v })).rejects.toMatchObject({ field: "jointMeeting" });
    v = (await referToJointMeeting(reviewer, id, { version: v })).version;
    expect((await state(id)).state).toBe("joint_meeting");
    const decision = { version: v, meetingOn: today, departments: "医保局、民政局、乡村振兴局", amount: "8000" };
    await expect(recordJointDecision(reviewer, id, { ...decision, meetingOn: "2026-13-01" })).rejects.toMatchObject({ field: "meetingOn" });
    await expect(recordJointDecision(reviewer, id, { ...decision, departments: " 、 " })).rejects.toMatchObject({ field: "departments" });
    await expect(recordJointDecision(reviewer, id, { ...decision, amount: "0" })).rejects.toMatchObject({ field: "amount" });
    expect((await state(id)).version).toBe(v);
    expect(await recordJointDecision(reviewer, id, decision)).toMatchObject({ state: "approved", version: v + 1 });
    const [row] = await q<{ approved_amount: string; joint_meeting_on: string; joint_meeting_departments: string[] }>(
      "select approved_amount::text, joint_meeting_on::text, joint_meeting_departments from applications where id = $1",
      [id],
    );
    expect(row).toEqual({ approved_amount: "8000.00", joint_meeting_on: today, joint_meeting_departments: ["医保局", "民政局", "乡村振兴局"] });
  });

  it("another township's clerk cannot read the amount or tick claims", async () => {
    const { id } = await acceptApplication(clerk, intake());
    const stranger = await staff("xiaoshajiang.clerk");
    await expect(computeApplicationAmount(stranger, id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(setApplicationClaims(stranger, id, { version: 1, claimIds: [] })).rejects.toMatchObject({ code: "forbidden" });
    expect((await state(id)).version).toBe(1);
  });
});
