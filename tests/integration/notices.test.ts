import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvedBefore } from "@/db/queries/application-audit";
import { approvedApplicationAssistance } from "@/db/queries/monitoring";
import { confirmAfterObjection } from "@/lib/notices/confirm-after-objection";
import type { UseCaseContext } from "@/lib/auth/context";
import { ForbiddenError, ValidationError } from "@/lib/errors/app-error";
import { draftQuarterNotices } from "@/lib/notices/draft-quarter-notices";
import { editNoticeHeader } from "@/lib/notices/edit-notice-header";
import { getNotice } from "@/lib/notices/get-notice";
import { handleObjection } from "@/lib/notices/handle-objection";
import { issueCorrection } from "@/lib/notices/issue-correction";
import { listNoticeArchive } from "@/lib/notices/list-notice-archive";
import { listNotices } from "@/lib/notices/list-notices";
import { listPublicNotices } from "@/lib/notices/list-public-notices";
import { NoticePublishedError } from "@/lib/notices/notice-errors";
import { publishNotice } from "@/lib/notices/publish-notice";
import { recordObjection } from "@/lib/notices/record-objection";
import { revokeAfterObjection } from "@/lib/notices/revoke-after-objection";
import { recordRecoveryReceived } from "@/lib/applications/payments/record-recovery-received";
import { recoveryOfApplication } from "@/lib/applications/payments/recovery-of-application";
import { errorChain } from "../helpers/errors";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// 季度公示 on the full demo county (docs/policy.md §7): the seed's notices,
// then 桃洪镇's two 2026 Q4 cases moved to the edge between 2026 Q4 and
// 2027 Q1 (approval on 31 December and on 1 January; both after the cases'
// acceptance, which the workflow's date guards require) so that the quarter
// boundary, a village with one recipient, publication, the window across
// 元旦, objections, the archive, the public page and a correction are
// exercised through the use cases.
//   Q4 notice published Thursday 2026-12-31; 1 January 2027 is 元旦 and 2–3
//   January a weekend (the provisional 2027 schedule), so its 5 working days
//   are 31 December, 4, 5, 6 and 7 January.

const TAOHONG = "430524100000";

describe.each(drivers())("quarterly notices on %s", (driver) => {
  let s: Scratch;
  const at = async (username: string, on: string): Promise<UseCaseContext> => ({ ...(await contextOf(s, username)), now: () => new Date(`${on}T02:00:00Z`) });
  let caseA: { id: string; village: string }, caseB: { id: string; village: string };
  let q1Id: string;

  beforeAll(async () => {
    s = await seededDb(driver, { full: true });
    const q4 = await s.handle.raw.query<{ id: string; division_code: string }>(
      `select a.id, p.division_code from applications a join people p on p.id = a.person_id
        where a.township_code = $1 and a.approved_on >= '2026-10-01' and a.approved_amount is not null order by a.approved_on, a.id`,
      [TAOHONG],
    );
    expect(q4.length).toBeGreaterThanOrEqual(2);
    caseA = { id: q4[0]!.id, village: q4[0]!.division_code };
    caseB = { id: q4[1]!.id, village: q4[1]!.division_code };
    await s.handle.raw.query("update applications set approved_on = '2026-12-31' where id = $1", [caseA.id]);
    await s.handle.raw.query("update applications set approved_on = '2027-01-01' where id = $1", [caseB.id]);
  }, 600_000);
  afterAll(async () => {
    await s?.drop();
  });

  it("the demo: Q3 notices closed and archived, 小沙江镇's Q4 on the public page today, 桃洪镇's Q4 drafts", async () => {
    const pub = await listPublicNotices({ db: s.handle.db });
    const townships = pub.counties.flatMap((c) => c.townships.map((t) => t.name));
    expect(townships).toEqual(["小沙江镇"]);
    expect(pub.counties[0]!.name).toBe("隆回县");
    const published = pub.counties[0]!.townships[0]!.villages.flatMap((v) => v.notices);
    expect(published.every((n) => n.year === 2026 && n.quarter === 4 && n.rows.length > 0)).toBe(true);
    const archive = await listNoticeArchive(await contextOf(s, "taohong.publisher"));
    // The Q3 cases' villages: one notice each (the demo's applicants differ between drivers, so one or two).
    expect(archive.notices.length).toBeGreaterThanOrEqual(1);
    expect(new Set(archive.notices.map((n) => [n.townshipCode, n.year, n.quarter, n.publishedOn, n.windowEnd].join(" ")))).toEqual(new Set([`${TAOHONG} 2026 3 2026-10-09 2026-10-14`]));
    const work = await listNotices(await contextOf(s, "taohong.publisher"));
    const drafts = work.notices.filter((n) => n.displayStatus === "draft");
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    expect(drafts.every((n) => n.year === 2026 && n.quarter === 4)).toBe(true);
  });

  it("a case approved on 31 December is in Q4, one approved on 1 January in the next year's Q1; a village with one recipient gets its own notice with only the notice's columns", async () => {
    const q4 = await draftQuarterNotices(await at("taohong.publisher", "2026-12-31"), { year: 2026, quarter: 4 });
    // The seed's two Q4 drafts: caseA's is refreshed, caseB's village has no Q4 case any more and loses its draft.
    expect(q4).toMatchObject({ created: 0, refreshed: 1, removed: caseA.village === caseB.village ? 0 : 1, empty: false });
    expect(q4.notices.map((n) => [n.villageCode, n.rows])).toEqual([[caseA.village, 1]]);
    const q1 = await draftQuarterNotices(await at("taohong.publisher", "2027-04-01"), { year: 2027, quarter: 1 });
    expect(q1).toMatchObject({ created: 1 });
    expect(q1.notices.map((n) => [n.villageCode, n.rows])).toEqual([[caseB.village, 1]]);
    q1Id = q4.notices[0]!.id;

    const columns = await s.handle.raw.query<{ column_name: string }>("select column_name from information_schema.columns where table_name = 'notice_rows' order by column_name");
    expect(columns.map((c) => c.column_name)).toEqual(["amount", "application_id", "approved_on", "category_name", "id", "masked_name", "notice_id", "seq", "village_name"]);
    const [row] = (await getNotice(await at("taohong.publisher", "2026-12-31"), q1Id)).rows;
    const [person] = await s.handle.raw.query<{ name: string; amount: string }>(
      "select p.name, a.approved_amount::text as amount from applications a join people p on p.id = a.person_id where a.id = $1",
      [caseA.id],
    );
    expect(row).toMatchObject({ seq: 1, applicationId: caseA.id, approvedOn: "2026-12-31", amount: person!.amount });
    expect(row!.maskedName).not.toBe(person!.name);
    expect([...row!.maskedName][0]).toBe([...person!.name][0]);
    expect(row!.maskedName).toContain("*");
  });

  it("a quarter without approvals drafts nothing and says so; a quarter that does not exist is refused", async () => {
    const empty = await draftQuarterNotices(await at("taohong.publisher", "2025-04-02"), { year: 2025, quarter: 1 });
    expect(empty).toMatchObject({ empty: true, created: 0, message: "桃洪镇2025年第一季度没有县级审批通过的救助，无需公示" });
    const [n] = await s.handle.raw.query<{ n: number }>("select count(*)::int as n from notices where year = 2025");
    expect(n!.n).toBe(0);
    await expect(draftQuarterNotices(await at("taohong.publisher", "2026-04-02"), { year: 2026, quarter: 5 })).rejects.toMatchObject({ field: "quarter" });
  });

  it("publishing needs the office phone, then fixes the 5-working-day window across 元旦; the notice can no longer be edited", async () => {
    const ctx = await at("taohong.publisher", "2026-12-31");
    const seeded = await getNotice(ctx, q1Id);
    // The seed filled in the office phone: clear it (a draft may be incomplete), and publishing is refused.
    await editNoticeHeader(ctx, q1Id, { version: seeded.version, issuer: seeded.issuer, contactPhone: "", objectionChannel: seeded.objectionChannel, objectionTo: seeded.objectionTo });
    const draft = await getNotice(ctx, q1Id);
    await expect(publishNotice(ctx, q1Id, { version: draft.version })).rejects.toMatchObject({ field: "contactPhone" });
    await expect(editNoticeHeader(ctx, q1Id, { version: draft.version, issuer: draft.issuer, contactPhone: "电话 8221001", objectionChannel: draft.objectionChannel, objectionTo: draft.objectionTo })).rejects.toMatchObject({ field: "contactPhone" });
    const { version } = await editNoticeHeader(ctx, q1Id, { version: draft.version, issuer: draft.issuer, contactPhone: "0739-8221001", objectionChannel: draft.objectionChannel, objectionTo: draft.objectionTo });
    expect(await publishNotice(ctx, q1Id, { version })).toMatchObject({ publishedOn: "2026-12-31", windowStart: "2026-12-31", windowEnd: "2027-01-07" });

    await expect(editNoticeHeader(ctx, q1Id, { version: version + 1, issuer: "改", contactPhone: "0739-1", objectionChannel: "x", objectionTo: "y" })).rejects.toBeInstanceOf(NoticePublishedError);
    expect(await errorChain(s.handle.raw.query("update notices set issuer = 'x' where id = $1", [q1Id]))).toMatch(/published|已发布/);
    expect(await errorChain(s.handle.raw.query("update notice_rows set amount = 1 where notice_id = $1", [q1Id]))).toMatch(/published|已发布/);
  });

  it("the public page shows the notice inside its window only (snapshot columns); afterwards it is in the staff archive", async () => {
    const on = (d: string) => listPublicNotices({ db: s.handle.db, now: () => new Date(`${d}T02:00:00Z`) });
    const villages = (p: Awaited<ReturnType<typeof on>>) => p.counties.flatMap((c) => c.townships.flatMap((t) => t.villages.flatMap((v) => v.notices.map((n) => n.id))));
    expect(villages(await on("2026-12-30"))).not.toContain(q1Id);
    expect(villages(await on("2026-12-31"))).toContain(q1Id);
    const inWindow = await on("2027-01-07");
    expect(villages(inWindow)).toContain(q1Id);
    const row = inWindow.counties[0]!.townships[0]!.villages.find((v) => v.code === caseA.village)!.notices[0]!.rows[0]!;
    expect(Object.keys(row).sort()).toEqual(["amount", "approvedOn", "categoryName", "maskedName", "seq", "villageName"]);
    expect(villages(await on("2027-01-08"))).not.toContain(q1Id);
    const archive = await listNoticeArchive(await at("taohong.publisher", "2027-01-08"), { withRows: true });
    expect(archive.notices.map((n) => n.id)).toContain(q1Id);
  });

  it("another township's publisher cannot open the notice (refused and audited) and does not see it in its workbench", async () => {
    const other = await at("xiaoshajiang.publisher", "2027-01-05");
    await expect(getNotice(other, q1Id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listNotices(other)).notices.map((n) => n.id)).not.toContain(q1Id);
    const [audit] = await s.handle.raw.query<{ n: number }>("select count(*)::int as n from audit_log where object_id = $1 and outcome = 'refused'", [q1Id]);
    expect(audit!.n).toBeGreaterThanOrEqual(1);
  });

  it("an objection in the window, upheld, sends the case back to the county; the county reviewer confirms the grant", async () => {
    const ctx = await at("taohong.publisher", "2027-01-05");
    const outside = { applicationId: caseA.id, content: "异议", receivedOn: "2027-01-08", channel: "letter" };
    await expect(recordObjection(await at("taohong.publisher", "2027-01-11"), q1Id, outside)).rejects.toMatchObject({ field: "receivedOn" });
    await expect(recordObjection(ctx, q1Id, { ...outside, receivedOn: "2027-01-05", channel: "fax" })).rejects.toMatchObject({ field: "channel" });
    await expect(recordObjection(ctx, q1Id, { ...outside, receivedOn: "2027-01-05", applicationId: caseB.id })).rejects.toMatchObject({ field: "applicationId" });
    const [before] = await s.handle.raw.query<{ state: string; version: number }>("select state, version from applications where id = $1", [caseA.id]);

    const { id } = await recordObjection(ctx, q1Id, { ...outside, content: "反映该户有车辆，家庭经济状况与申报不符", receivedOn: "2027-01-05", channel: "in_person" });
    await expect(handleObjection(ctx, id, { outcome: "dismissed", reason: " " })).rejects.toBeInstanceOf(ValidationError);
    expect(await handleObjection(ctx, id, { outcome: "upheld", reason: "经核实该户名下有小型轿车一辆，需县级复核" })).toEqual({ outcome: "upheld", applicationState: "objection_review" });
    await expect(handleObjection(ctx, id, { outcome: "dismissed", reason: "再次处理" })).rejects.toMatchObject({ code: "conflict" });
    const [during] = await s.handle.raw.query<{ state: string; version: number }>("select state, version from applications where id = $1", [caseA.id]);
    expect(during!.state).toBe("objection_review");
    // Under review the grant stands: it still takes its room in the person's annual pool (a second case
    // approved meanwhile cannot use it twice) and still counts as assistance received in the monitoring.
    const [granted] = await s.handle.raw.query<{ person_id: string; year: number; approved_amount: string }>(
      "select person_id, year, approved_amount::numeric(14,2)::text as approved_amount from applications where id = $1", [caseA.id]);
    const NO_CASE = "00000000-0000-7000-8000-000000000000";
    const pool = new Decimal(await approvedBefore(s.handle.db, granted!.person_id, granted!.year, NO_CASE));
    const others = new Decimal(await approvedBefore(s.handle.db, granted!.person_id, granted!.year, caseA.id));
    expect(pool.minus(others).toFixed(2)).toBe(granted!.approved_amount);
    const received = await approvedApplicationAssistance(s.handle.db, [granted!.person_id], granted!.year);
    expect(new Decimal(received.get(granted!.person_id) ?? "0").toFixed(2)).toBe(pool.toFixed(2));
    const detail = await getNotice(ctx, q1Id);
    expect(detail.objections.map((o) => [o.outcome, o.objector])).toEqual([["upheld", null]]);

    const back = await confirmAfterObjection(await at("yibao.reviewer", "2027-01-06"), caseA.id, { version: during!.version, reason: "经复核，车辆为借用，维持原审批" });
    expect(back.state).toBe(before!.state);
  });

  it("a correction is a new notice naming the one it corrects and why; the workbench links them and counts rows and totals", async () => {
    const ctx = await at("taohong.publisher", "2027-01-11");
    await expect(issueCorrection(ctx, q1Id, { reason: "" })).rejects.toMatchObject({ field: "reason" });
    const { id, rows } = await issueCorrection(ctx, q1Id, { reason: "第四季度公示中救助金额有误，现予更正" });
    expect(rows).toBe(1);
    const correction = await getNotice(ctx, id);
    expect(correction).toMatchObject({ status: "draft", correctsNoticeId: q1Id, correctionReason: "第四季度公示中救助金额有误，现予更正", year: 2026, quarter: 4 });
    const work = await listNotices(ctx);
    const original = work.notices.find((n) => n.id === q1Id)!;
    const [sum] = await s.handle.raw.query<{ total: string }>("select approved_amount::numeric(14,2)::text as total from applications where id = $1", [caseA.id]);
    expect(original).toMatchObject({ correctedBy: id, rowCount: 1, total: sum!.total, openObjections: 0, displayStatus: "closed" });
  });
  it("an objection upheld on a case already paid keeps the payment through the review; revoking it refuses the case and its reason says what was paid, to be recovered", async () => {
    const [paid] = await s.handle.raw.query<{ notice_id: string; application_id: string; paid_on: string }>(
      `select r.notice_id, r.application_id, a.paid_on::text from notice_rows r join notices n on n.id = r.notice_id join applications a on a.id = r.application_id
        where n.township_code = $1 and n.year = 2026 and n.quarter = 3 and a.state = 'paid' limit 1`,
      [TAOHONG],
    );
    expect(paid, "the demo's Q3 notice of 桃洪镇 lists a paid case").toBeDefined();
    const ctx = await at("taohong.publisher", "2026-10-13");
    const { id } = await recordObjection(ctx, paid!.notice_id, { applicationId: paid!.application_id, content: "来信反映该户已获其他渠道全额报销", receivedOn: "2026-10-13", channel: "letter" });
    expect(await handleObjection(ctx, id, { outcome: "upheld", reason: "需县级核实是否重复报销" })).toMatchObject({ applicationState: "objection_review" });
    const [during] = await s.handle.raw.query<{ version: number; paid_on: string }>("select version, paid_on::text from applications where id = $1", [paid!.application_id]);
    expect(during!.paid_on).toBe(paid!.paid_on);
    await revokeAfterObjection(await at("yibao.reviewer", "2026-10-15"), paid!.application_id, { version: during!.version, reason: "经核实已由商业保险全额报销，属重复救助" });
    const [after] = await s.handle.raw.query<{ state: string; paid_on: string; refusal_reason: string }>("select state, paid_on::text, refusal_reason from applications where id = $1", [paid!.application_id]);
    // The refusal takes the place of the payment (paid_on cleared); its reason records what was paid and when, to be recovered.
    expect(after).toMatchObject({ state: "refused", paid_on: null });
    expect(after!.refusal_reason).toContain(`已于 ${paid!.paid_on} 支付的救助金`);
    expect(after!.refusal_reason).toContain("应予追回");

    // 追回: one record in the revocation's transaction — the amount paid, the reason, the day paid — audited.
    const q = <T>(sql: string, params: unknown[] = []) => s.handle.raw.query<T>(sql, params);
    const [{ paid_amount }] = (await q<{ paid_amount: string }>("select paid_amount::text from applications where id = $1", [paid!.application_id])) as [{ paid_amount: string }];
    const recovery = async () => (await q<Record<string, unknown>>(
      "select amount::text as amount, reason, paid_on::text as paid_on, created_on::text as created_on, recovered_on::text as recovered_on, recovered_reference from application_recoveries where application_id = $1",
      [paid!.application_id],
    ));
    expect(await recovery()).toEqual([{ amount: paid_amount, reason: "经核实已由商业保险全额报销，属重复救助", paid_on: paid!.paid_on, created_on: "2026-10-15", recovered_on: null, recovered_reference: null }]);
    const audits = async (action: string) => Number((await q<{ n: number }>("select count(*)::int as n from audit_log where action = $1 and object_id = $2", [action, paid!.application_id]))[0]!.n);
    expect(await audits("applications.recovery_opened")).toBe(1);
    const shown = await recoveryOfApplication(await at("yibao.clerk", "2026-10-20"), paid!.application_id);
    expect(shown).toMatchObject({ amount: paid_amount, recoveredOn: null, canRecord: true });
    expect(await recoveryOfApplication(await at("yibao.reviewer", "2026-10-20"), paid!.application_id)).toMatchObject({ canRecord: false });

    // 追回到账: the payment clerk only, a date not in the future nor before the recovery, a reference; once.
    const clerkAt = await at("yibao.clerk", "2026-10-20");
    await expect(recordRecoveryReceived(await at("yibao.reviewer", "2026-10-20"), paid!.application_id, { recoveredOn: "2026-10-19", reference: "R1" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordRecoveryReceived(await at("taohong.clerk", "2026-10-20"), paid!.application_id, { recoveredOn: "2026-10-19", reference: "R1" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordRecoveryReceived(clerkAt, paid!.application_id, { recoveredOn: "2026-10-21", reference: "R1" })).rejects.toMatchObject({ field: "recoveredOn" });
    await expect(recordRecoveryReceived(clerkAt, paid!.application_id, { recoveredOn: "2026-10-14", reference: "R1" })).rejects.toMatchObject({ field: "recoveredOn" });
    await expect(recordRecoveryReceived(clerkAt, paid!.application_id, { recoveredOn: "2026-10-19", reference: " " })).rejects.toMatchObject({ field: "reference" });
    expect((await recovery())[0]!.recovered_on).toBeNull();
    expect(await recordRecoveryReceived(clerkAt, paid!.application_id, { recoveredOn: "2026-10-19", reference: "NYYH-ZH-20261019" })).toMatchObject({ amount: paid_amount, recoveredOn: "2026-10-19" });
    expect(await recovery()).toEqual([expect.objectContaining({ recovered_on: "2026-10-19", recovered_reference: "NYYH-ZH-20261019" })]);
    expect(await audits("applications.recovery_received")).toBe(1);
    await expect(recordRecoveryReceived(clerkAt, paid!.application_id, { recoveredOn: "2026-10-19", reference: "again" })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("不能重复登记") });
    expect(await audits("applications.recovery_received")).toBe(1);
    expect(await recoveryOfApplication(clerkAt, paid!.application_id)).toMatchObject({ recoveredReference: "NYYH-ZH-20261019", canRecord: false });
  });
});
