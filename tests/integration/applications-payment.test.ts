import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paymentBatchLines } from "@/db/schema";
import { isOneLiveLineViolation } from "@/db/queries/payment-batches";
import { acceptApplication } from "@/lib/applications/accept-application";
import { approveApplication } from "@/lib/applications/approve-application";
import { beginCountyAudit } from "@/lib/applications/begin-county-audit";
import { beginTownshipReview } from "@/lib/applications/begin-township-review";
import { forwardApplication } from "@/lib/applications/forward-application";
import { confirmBatchPaid } from "@/lib/applications/payments/confirm-batch-paid";
import { correctBankDetails } from "@/lib/applications/payments/correct-bank-details";
import { createPaymentBatch } from "@/lib/applications/payments/create-payment-batch";
import { exportPaymentBatch } from "@/lib/applications/payments/export-payment-batch";
import { markPaymentLineFailed } from "@/lib/applications/payments/mark-payment-line-failed";
import { recordHouseholdSurvey } from "@/lib/applications/record-household-survey";
import { recordRefusalNotice } from "@/lib/applications/record-refusal-notice";
import { refuseApplication } from "@/lib/applications/refuse-application";
import { revealApplicationContact } from "@/lib/applications/reveal-application-contact";
import { setApplicationClaims } from "@/lib/applications/set-application-claims";
import type { UseCaseContext } from "@/lib/auth/context";
import { defaultCalendar } from "@/lib/calendar/domain/default-calendar";
import { idCrypto } from "@/lib/crypto/data-keys";
import { seedDemoPolicy } from "@/seed/policies";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// Payment (支付), the refusal notice and the audited reveal, through the real
// use cases on both drivers, with the clock fixed at 10:00 in Beijing on
// Wednesday 2026-11-18 (as applications-intake.test.ts).
const NOW = new Date("2026-11-18T02:00:00Z");
const today = "2026-11-18";

describe.each(drivers())("on-application payment on %s", (driver) => {
  let s: Scratch;
  let clerk: UseCaseContext; // taohong.clerk, township 430524100
  let payer: UseCaseContext; // yibao.clerk, the payment clerk
  let reviewer: UseCaseContext;
  let people: string[] = [];
  let nextPerson = 0;
  const calendar = defaultCalendar();
  let accepted = today;
  for (let i = 0; i < 7 && calendar.workingDaysBetween(accepted, today) < 2; i++) {
    accepted = new Date(Date.parse(`${accepted}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  }

  const staff = async (username: string): Promise<UseCaseContext> => ({ ...(await contextOf(s, username)), now: () => NOW });
  beforeAll(async () => {
    s = await seededDb(driver);
    clerk = await staff("taohong.clerk");
    payer = await staff("yibao.clerk");
    reviewer = await staff("yibao.reviewer");
    await seedDemoPolicy(s.handle.db);
    people = (await s.handle.raw.query<{ id: string }>("select id from people where division_code like '430524100%' order by id limit 40")).map((r) => r.id);
    // 防止返贫监测对象 all year: the demo policy's on-application rule (003: deductible 6000, 50 %, 50000 a year) covers them.
    for (const p of people) await q("insert into person_categories (person_id, category, from_date, to_date, source) values ($1, 'monitored', '2026-01-01', null, 'fixture')", [p]);
  }, 300_000);
  afterAll(async () => {
    await s?.drop();
  });

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => s.handle.raw.query<T>(sql, params);
  const count = async (sql: string, params: unknown[] = []) => Number((await q<{ n: number }>(sql, params))[0]!.n);
  const caseRow = async (id: string) =>
    (await q<{ state: string; version: number; paid_amount: string | null; paid_on: string | null; case_no: string }>(
      "select state, version, paid_amount::text as paid_amount, paid_on::text as paid_on, case_no from applications where id = $1",
      [id],
    ))[0]!;

  /** A case driven through the real use cases to 县级审核中. */
  async function inCountyReview(account: string, claimId?: string): Promise<{ id: string; version: number }> {
    const personId = claimId ? (await q<{ person_id: string }>("select person_id from claims where id = $1", [claimId]))[0]!.person_id : people[nextPerson++]!;
    const { id } = await acceptApplication(clerk, {
      personId,
      acceptedOn: accepted,
      filerKind: "self",
      phone: "13812345678",
      bankHolder: "王大山",
      bankName: "中国农业银行隆回县支行",
      bankAccount: account,
      diagnosisSummary: "急性心肌梗死，住院介入治疗",
      documents: ["identity", "certification", "diagnosis", "history", "receipts"].map((item) => ({ item, status: "supplied" })),
    });
    let v = (await beginTownshipReview(clerk, id, { version: 1 })).version;
    if (claimId) v = (await setApplicationClaims(clerk, id, { version: v, claimIds: [claimId] })).version;
    v = (await recordHouseholdSurvey(clerk, id, { version: v, surveyedOn: today, visitors: "罗春兰", findings: "属实", householdSituation: "家庭困难" })).version;
    v = (await forwardApplication(clerk, id, { version: v })).version;
    const r = await beginCountyAudit(reviewer, id, { version: v });
    return { id, version: r.version };
  }

  /**
   * A case approved by the county reviewer (the real approveApplication) for
   * exactly `amount`: one inpatient claim of a fresh person whose amount left
   * after basic insurance is 2 × amount + 6000, so the 003 rule gives
   * (left − 6000) × 50 % = amount (worked in cents, no floats).
   */
  async function approved(amount: `${number}.${number}`, account = "6222021234567890123"): Promise<{ id: string; version: number }> {
    const [yuan, fen = ""] = amount.split(".");
    const left = (Number(yuan) * 100 + Number(fen.padEnd(2, "0"))) * 2 + 600_000;
    const scope = `${Math.floor((left + 1_000_000) / 100)}.${String((left + 1_000_000) % 100).padStart(2, "0")}`;
    const person = people[nextPerson++]!;
    const [claim] = await q<{ id: string }>(
      `insert into claims (external_id, person_id, claim_date, setting, hospital_name, hospital_level, total_cost, policy_scope_cost, out_of_scope_cost, basic_paid, critical_paid)
       values ($1, $2, '2026-06-01', 'inpatient', '隆回县人民医院', 2, $3, $3, 0, 10000, 0) returning id`,
      [`JS-PAY-${nextPerson}`, person, scope],
    );
    const { id, version } = await inCountyReview(account, claim!.id);
    const r = await approveApplication(reviewer, id, { version });
    expect((await q<{ a: string }>("select approved_amount::text as a from applications where id = $1", [id]))[0]!.a).toBe(amount);
    return { id, version: r.version };
  }

  it("a batch of three: lines with the approved amounts, the bank file with clear accounts in the file only, two confirmations → one payment", async () => {
    const a = await approved("4300.50", "6222021234567890123");
    const b = await approved("1200.00", "6217001234567890");
    const c = await approved("0.01", "622848001122334455");
    const batch = await createPaymentBatch(payer, { cases: [a, b, c].map((x) => `${x.id}:${x.version}`) });
    expect(batch).toMatchObject({ batchNo: "ZF-430524-2026-0001", count: 3, total: "5500.51" });
    for (const x of [a, b, c]) expect((await caseRow(x.id)).state).toBe("in_batch");
    expect(await count("select count(*)::int as n from payment_batch_lines where batch_id = $1 and status = 'pending'", [batch.id])).toBe(3);
    expect(await count("select count(*)::int as n from audit_log where action = 'applications.add_to_batch' and detail->>'batchNo' = $1", [batch.batchNo])).toBe(3);

    // Only the payment clerk exports; the reviewer is refused.
    await expect(exportPaymentBatch(reviewer, batch.id)).rejects.toMatchObject({ code: "forbidden" });
    // Confirming before the file went to the bank is refused.
    await expect(confirmBatchPaid(payer, batch.id, { paidOn: today, reference: "X" })).rejects.toMatchObject({ code: "conflict" });
    const file = await exportPaymentBatch(payer, batch.id);
    expect(file.fileName).toBe("代发文件-ZF-430524-2026-0001.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(["户名", "账号", "开户行", "金额", "摘要"]);
    const caseNos = await Promise.all([a, b, c].map(async (x) => (await caseRow(x.id)).case_no));
    expect(rows.slice(1, 4)).toEqual([
      ["王大山", "6222021234567890123", "中国农业银行隆回县支行", "4300.50", `医疗救助 ${caseNos[0]}`],
      ["王大山", "6217001234567890", "中国农业银行隆回县支行", "1200.00", `医疗救助 ${caseNos[1]}`],
      ["王大山", "622848001122334455", "中国农业银行隆回县支行", "0.01", `医疗救助 ${caseNos[2]}`],
    ]);
    expect([rows[4]![0], rows[4]![1], rows[4]![3], rows[4]![4]]).toEqual(["合计", "共 3 笔", "5500.51", `批次 ${batch.batchNo}`]);
    expect(await count("select count(*)::int as n from payment_batches where id = $1 and status = 'sent'", [batch.id])).toBe(1);
    // The database never holds the clear number; the audit row names the batch, count and total only.
    const [raw] = await q<{ whole: string; sealed: string }>("select row_to_json(a)::text as whole, bank_account_sealed as sealed from applications a where id = $1", [a.id]);
    expect(raw!.whole).not.toContain("6222021234567890123");
    expect(idCrypto().open(raw!.sealed)).toBe("6222021234567890123");
    const [audit] = await q<{ detail: Record<string, unknown> }>("select detail from audit_log where action = 'applications.export_batch' and object_id = $1", [String(batch.id)]);
    expect(audit!.detail).toMatchObject({ batchNo: batch.batchNo, count: 3, total: "5500.51" });
    expect(JSON.stringify(audit!.detail)).not.toMatch(/6222021234567890123|0123|4455/);

    // Two clicks on 确认支付 at once: exactly one payment.
    const results = await Promise.allSettled([
      confirmBatchPaid(payer, batch.id, { paidOn: today, reference: "NYYH20261118001" }),
      confirmBatchPaid(payer, batch.id, { paidOn: today, reference: "NYYH20261118001" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    expect(await caseRow(a.id)).toMatchObject({ state: "paid", paid_amount: "4300.50", paid_on: today });
    expect(await count("select count(*)::int as n from application_transitions where action = 'confirm_paid' and application_id = any($1::uuid[])", [[a.id, b.id, c.id]])).toBe(3);
    expect(await count("select count(*)::int as n from payment_batches where id = $1 and status = 'confirmed'", [batch.id])).toBe(1);
    // A third try later is refused too, and a re-export has nothing to send.
    await expect(confirmBatchPaid(payer, batch.id, { paidOn: today, reference: "again" })).rejects.toMatchObject({ code: "conflict" });
    await expect(exportPaymentBatch(payer, batch.id)).rejects.toMatchObject({ code: "conflict" });
  });

  it("a case cannot sit in two batches; the one-live-line index is the last guard and is recognised", async () => {
    const a = await approved("800.00");
    const first = await createPaymentBatch(payer, { cases: [a] });
    const batches = await count("select count(*)::int as n from payment_batches");
    await expect(createPaymentBatch(payer, { cases: [{ id: a.id, version: a.version + 1 }] })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("已列入另一个支付批次") });
    expect(await count("select count(*)::int as n from payment_batches")).toBe(batches);
    // Past the use case's own checks, the partial unique index refuses a second live line.
    const err = await s.handle.db
      .insert(paymentBatchLines)
      .values({ batchId: first.id, applicationId: a.id, amount: "800.00", status: "pending" })
      .then(() => null, (e: unknown) => e);
    expect(isOneLiveLineViolation(err)).toBe(true);
    expect(isOneLiveLineViolation(new Error("other"))).toBe(false);
  });

  it("payment before approval is refused and changes nothing; bad input names the field", async () => {
    const r = await inCountyReview("6222021234567890123");
    const batches = await count("select count(*)::int as n from payment_batches");
    await expect(createPaymentBatch(payer, { cases: [r] })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("县级审核中") });
    await expect(createPaymentBatch(payer, { cases: [] })).rejects.toMatchObject({ code: "invalid", field: "applicationIds" });
    await expect(createPaymentBatch(payer, { cases: ["not-a-uuid:1"] })).rejects.toMatchObject({ field: "applicationIds" });
    await expect(createPaymentBatch(reviewer, { cases: [r] })).rejects.toMatchObject({ code: "forbidden" });
    expect(await count("select count(*)::int as n from payment_batches")).toBe(batches);
    expect(await caseRow(r.id)).toMatchObject({ state: "county_review", version: r.version });
  });

  it("a failed line goes back to the township; corrected bank details → a new batch → paid", async () => {
    const a = await approved("2500.00", "6222021234567890123");
    const batch = await createPaymentBatch(payer, { cases: [a] });
    await exportPaymentBatch(payer, batch.id);
    const [line] = await q<{ id: number }>("select id from payment_batch_lines where batch_id = $1", [batch.id]);
    await expect(markPaymentLineFailed(payer, batch.id, { lineId: line!.id, reason: " " })).rejects.toMatchObject({ field: "reason" });
    await markPaymentLineFailed(payer, batch.id, { lineId: line!.id, reason: "账号户名不符" });
    const failed = await caseRow(a.id);
    expect(failed.state).toBe("payment_failed");
    await expect(markPaymentLineFailed(payer, batch.id, { lineId: line!.id, reason: "again" })).rejects.toMatchObject({ code: "conflict" });

    // The payment clerk does not correct it; the township clerk does, with a different account.
    await expect(correctBankDetails(payer, a.id, { version: failed.version, bankHolder: "王小山", bankName: "中国邮政储蓄银行隆回县支行", bankAccount: "6210981234567890" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(correctBankDetails(clerk, a.id, { version: failed.version, bankHolder: "王大山", bankName: "中国农业银行隆回县支行", bankAccount: "6222 0212 3456 7890 123" })).rejects.toMatchObject({ field: "bankAccount" });
    const fixed = await correctBankDetails(clerk, a.id, { version: failed.version, bankHolder: "王小山", bankName: "中国邮政储蓄银行隆回县支行", bankAccount: "6210 9812 3456 7890" });
    expect(fixed.state).toBe("approved");
    const [raw] = await q<{ whole: string; sealed: string; tail: string }>("select row_to_json(a)::text as whole, bank_account_sealed as sealed, bank_account_tail as tail from applications a where id = $1", [a.id]);
    expect(raw!.whole).not.toContain("6210981234567890");
    expect(raw!.tail).toBe("7890");
    expect(idCrypto().open(raw!.sealed)).toBe("6210981234567890");

    const again = await createPaymentBatch(payer, { cases: [{ id: a.id, version: fixed.version }] });
    expect(again.batchNo).not.toBe(batch.batchNo);
    const file = await exportPaymentBatch(payer, again.id);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.getRow(2).getCell(2).value).toBe("6210981234567890");
    const [newLine] = await q<{ id: number }>("select id from payment_batch_lines where batch_id = $1", [again.id]);
    await confirmBatchPaid(payer, again.id, { lineIds: [newLine!.id], paidOn: today, reference: "YZ20261118-7" });
    expect(await caseRow(a.id)).toMatchObject({ state: "paid", paid_amount: "2500.00" });
    // The returned line stays as history.
    expect(await q("select status, failure_reason from payment_batch_lines where application_id = $1 order by id", [a.id])).toEqual([
      { status: "failed", failure_reason: "账号户名不符" },
      { status: "paid", failure_reason: null },
    ]);
  });

  it("the refusal notice: date and channel recorded for a refused case only, audited", async () => {
    const r = await inCountyReview("6222021234567890123");
    await expect(recordRefusalNotice(clerk, r.id, { version: r.version, notifiedOn: today, channel: "post" })).rejects.toMatchObject({ code: "conflict" });
    const refused = await refuseApplication(reviewer, r.id, { version: r.version, reason: "家庭收入超过认定标准" });
    await expect(recordRefusalNotice(clerk, r.id, { version: refused.version, notifiedOn: today, channel: "fax" })).rejects.toMatchObject({ field: "channel" });
    await expect(recordRefusalNotice(clerk, r.id, { version: refused.version, notifiedOn: "2099-01-01", channel: "post" })).rejects.toMatchObject({ field: "notifiedOn" });
    await expect(recordRefusalNotice(await staff("xiaoshajiang.clerk"), r.id, { version: refused.version, notifiedOn: today, channel: "post" })).rejects.toMatchObject({ code: "forbidden" });
    const done = await recordRefusalNotice(clerk, r.id, { version: refused.version, notifiedOn: today, channel: "in_person" });
    expect(done).toMatchObject({ channelName: "当面", version: refused.version + 1 });
    expect(await q("select notified_on::text as notified_on, notified_channel from applications where id = $1", [r.id])).toEqual([{ notified_on: today, notified_channel: "in_person" }]);
    expect(await count("select count(*)::int as n from audit_log where action = 'applications.record_notice' and object_id = $1", [r.id])).toBe(1);
  });

  it("reveal: refused without the permission or outside the jurisdiction; with both, the value is shown and the audit names only what", async () => {
    const r = await inCountyReview("6222021234567890123");
    await expect(revealApplicationContact(await staff("minzheng.clerk"), r.id, "bank")).rejects.toMatchObject({ code: "forbidden" });
    await expect(revealApplicationContact(await staff("xiaoshajiang.clerk"), r.id, "phone")).rejects.toMatchObject({ code: "forbidden" });
    expect(await count("select count(*)::int as n from audit_log where object_id = $1 and outcome = 'refused' and action = 'applications.reveal_contact'", [r.id])).toBe(2);
    expect(await revealApplicationContact(clerk, r.id, "phone")).toEqual({ phone: "13812345678" });
    expect(await revealApplicationContact(payer, r.id, "bank")).toEqual({ bankHolder: "王大山", bankAccount: "6222021234567890123" });
    const rows = await q<{ detail: unknown }>("select detail from audit_log where action = 'applications.reveal_contact' and object_id = $1 and outcome <> 'refused' order by id", [r.id]);
    expect(rows.map((x) => (x.detail as { revealed: string[] }).revealed)).toEqual([["phone"], ["bank_holder", "bank_account"]]);
    expect(JSON.stringify(rows)).not.toMatch(/13812345678|5678|6222021234567890123|王大山/);
  });
});
