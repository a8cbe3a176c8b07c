import { and, eq, gte, like, lte, sql } from "drizzle-orm";
import { acceptApplication } from "@/lib/applications/accept-application";
import { beginCountyAudit } from "@/lib/applications/begin-county-audit";
import { addManualReceipt } from "@/lib/applications/add-manual-receipt";
import { approveApplication } from "@/lib/applications/approve-application";
import { beginTownshipReview } from "@/lib/applications/begin-township-review";
import { computeApplicationAmount } from "@/lib/applications/compute-application-amount";
import { DOCUMENT_ITEMS } from "@/lib/applications/domain/documents";
import { forwardApplication } from "@/lib/applications/forward-application";
import { confirmBatchPaid } from "@/lib/applications/payments/confirm-batch-paid";
import { createPaymentBatch } from "@/lib/applications/payments/create-payment-batch";
import { exportPaymentBatch } from "@/lib/applications/payments/export-payment-batch";
import { markPaymentLineFailed } from "@/lib/applications/payments/mark-payment-line-failed";
import { recordHouseholdSurvey } from "@/lib/applications/record-household-survey";
import { recordRefusalNotice } from "@/lib/applications/record-refusal-notice";
import { resumeReview } from "@/lib/applications/resume-review";
import { refuseApplication } from "@/lib/applications/refuse-application";
import { returnApplication } from "@/lib/applications/return-application";
import { setApplicationClaims } from "@/lib/applications/set-application-claims";
import type { UseCaseContext } from "@/lib/auth/context";
import type { Actor } from "@/lib/auth/domain/actor";
import { defaultCalendar } from "@/lib/calendar/domain/default-calendar";
import { AppError } from "@/lib/errors/app-error";
import { applications, claims, paymentBatchLines, people, personCategories } from "@/db/schema";
import type { Db } from "@/db/client";
import { atBeijing10, demoActors, ensureDemoAccounts } from "./demo-actors";
import { DEMO_APPLICATION_TOWNSHIPS, DEMO_BATCH_DATES, demoApplicationsPlan, type DemoOp } from "./applications-plan";

// Demo step: ~60 on-application cases (依申请救助) in four townships, made only
// through the real use cases — each township's clerk accepts, surveys,
// forwards, returns, resumes or refuses and ticks the ledger's claims; the
// county reviewer takes files up and approves the engine's amount or refuses
// (and records the refusal notice); the 医保 payment clerk makes a batch the
// bank confirms (one line failing) and a second batch still at the bank. Each step runs with a context whose clock is fixed at 10:00 Beijing
// time on that step's date (seed/applications-plan.ts says why: the deadlines
// must stay inside the shipped 2026 holiday schedule). Runs while the
// applications table is empty.

const CLERKS = ["taohong.clerk", "xiaoshajiang.clerk", "jinshiqiao.clerk", "simenqian.clerk"] as const;
const REVIEWER = "yibao.reviewer";
const PAYER = "yibao.clerk";

export async function seedDemoApplications(db: Db): Promise<Record<string, number> | null> {
  const [stored] = await db.select({ n: sql<number>`count(*)::int` }).from(applications);
  if ((stored?.n ?? 0) > 0) return null;
  await ensureDemoAccounts(db, CLERKS);
  const actorOf = await demoActors(db, [...CLERKS, REVIEWER, PAYER]);
  const plan = demoApplicationsPlan(defaultCalendar());

  let transitions = 0;
  const batches: Record<"paid" | "open", { id: string; version: number; township: number }[]> = { paid: [], open: [] };
  for (let t = 0; t < DEMO_APPLICATION_TOWNSHIPS.length; t++) {
    const cases = plan.filter((c) => c.township === t);
    const applicants = await applicantsOf(db, DEMO_APPLICATION_TOWNSHIPS[t]!, cases.length);
    // The cases to be approved get the applicants with the largest costs.
    const order = [...cases.keys()].sort((a, b) => Number(!cases[a]!.script.some((o) => o.op === "approve")) - Number(!cases[b]!.script.some((o) => o.op === "approve")));
    for (const [k, i] of order.entries()) {
      const person = applicants[k];
      if (!person) break;
      const done = await runScript(cases[i]!.script, { person, n: t * 100 + i, clerk: actorOf(CLERKS[t]!), reviewer: actorOf(REVIEWER), db });
      transitions += cases[i]!.script.length;
      if (cases[i]!.batch && done.state === "approved") batches[cases[i]!.batch!].push({ id: done.id, version: done.version, township: t });
    }
  }
  const payer = (on: string): UseCaseContext => ({ db, actor: actorOf(PAYER), now: at(on) });
  let paidBatches = 0;
  if (batches.paid.length > 0) {
    const batch = await createPaymentBatch(payer(DEMO_BATCH_DATES.paidCreated), { cases: batches.paid.map(({ id, version }) => ({ id, version })) });
    // The bank 代发 file is exported (the batch is then sent); the bank returns township 0's second line (wrong account); the rest is confirmed.
    await exportPaymentBatch(payer(DEMO_BATCH_DATES.paidCreated), batch.id);
    const failing = batches.paid.filter((c) => c.township === 0)[1];
    const lines = await db.select({ id: paymentBatchLines.id, applicationId: paymentBatchLines.applicationId }).from(paymentBatchLines).where(eq(paymentBatchLines.batchId, batch.id));
    const failed = lines.find((l) => l.applicationId === failing?.id);
    if (failed) await markPaymentLineFailed(payer(DEMO_BATCH_DATES.paidConfirmed), batch.id, { lineId: failed.id, reason: "户名与账号不符，银行退回" });
    await confirmBatchPaid(payer(DEMO_BATCH_DATES.paidConfirmed), batch.id, {
      lineIds: lines.filter((l) => l !== failed).map((l) => l.id),
      paidOn: DEMO_BATCH_DATES.paidConfirmed,
      reference: "NYYH20260929-0001",
    });
    paidBatches++;
  }
  if (batches.open.length > 0) {
    // Sent to the bank, no answer yet.
    const open = await createPaymentBatch(payer(DEMO_BATCH_DATES.openCreated), { cases: batches.open.map(({ id, version }) => ({ id, version })) });
    await exportPaymentBatch(payer(DEMO_BATCH_DATES.openCreated), open.id);
  }
  const [made] = await db.select({ n: sql<number>`count(*)::int` }).from(applications);
  return { applications: made?.n ?? 0, "application steps": transitions, "paid batches": paidBatches };
}

type Run = { person: { id: string; name: string }; n: number; clerk: Actor; reviewer: Actor; db: Db };

/** 10:00 in Beijing on `on`: the clock the step's use case reads. */
const at = atBeijing10;

async function runScript(script: DemoOp[], r: Run): Promise<{ id: string; version: number; state: string }> {
  const ctx = (actor: Actor, on: string): UseCaseContext => ({ db: r.db, actor, now: at(on) });
  let id = "";
  let version = 1;
  let state = "accepted";
  for (const step of script) {
    const on = step.on;
    switch (step.op) {
      case "accept": {
        const missing = new Set(step.missing ?? []);
        const created = await acceptApplication(ctx(r.clerk, on), {
          personId: r.person.id,
          acceptedOn: on,
          urgent: step.urgent === true,
          urgentReason: step.urgent ? "突发脑出血急诊手术，家庭无力承担后续治疗费用" : undefined,
          filerKind: r.n % 3 === 0 ? "self" : r.n % 3 === 1 ? "family" : "village_committee",
          filerName: r.n % 3 === 0 ? undefined : r.n % 3 === 1 ? "李春花" : "村委会 王主任",
          filerRelation: r.n % 3 === 1 ? "配偶" : undefined,
          phone: `139${String(73_000_000 + r.n * 7919).padStart(8, "0")}`,
          bankHolder: r.person.name,
          bankName: r.n % 2 === 0 ? "中国农业银行隆回县支行" : "湖南隆回农村商业银行桃洪支行",
          bankAccount: `622848${String(1_000_000_000_000 + r.n * 104_729).padStart(13, "0")}`,
          diagnosisSummary: DIAGNOSES[r.n % DIAGNOSES.length]!,
          documents: DOCUMENT_ITEMS.map((item) =>
            missing.has(item) ? { item, status: "missing", dueOn: dueForMissing(on) } : { item, status: "supplied" },
          ),
        });
        id = created.id;
        version = 1;
        // The ledger's claims of the year up to the acceptance day, ticked in by the township.
        const ticked = await r.db
          .select({ id: claims.id })
          .from(claims)
          .where(and(eq(claims.personId, r.person.id), gte(claims.claimDate, `${on.slice(0, 4)}-01-01`), lte(claims.claimDate, on)));
        if (ticked.length > 0) version = (await setApplicationClaims(ctx(r.clerk, on), id, { version, claimIds: ticked.map((c) => c.id) })).version;
        // A case headed for approval also has an out-of-county hospital stay the ledger lacks, entered by hand.
        if (script.some((o) => o.op === "approve")) {
          version = (
            await addManualReceipt(ctx(r.clerk, on), id, {
              version, date: on, setting: "住院", hospital: "湖南省人民医院", hospitalLevel: "三级", specialDisease: "否", referred: "是", inCity: "否",
              totalCost: String(52_000 + (r.n % 7) * 1_000), policyScopeCost: String(45_000 + (r.n % 7) * 1_000), basicPaid: "25000.00", criticalPaid: "6000.00",
            })
          ).version;
        }
        break;
      }
      case "resume":
        version = (await resumeReview(ctx(r.clerk, on), id, { version })).version;
        break;
      case "approve": {
        // The engine's amount for the ticked claims; none to give (0 元) is a refusal with the reason, as the reviewer would write it.
        const amount = await computeApplicationAmount(ctx(r.reviewer, on), id).catch((err: unknown) => {
          // No claim of the year ticked: nothing to compute, so nothing to give.
          if (err instanceof AppError && err.code === "invalid") return { computed: "0" };
          throw err;
        });
        if (Number(amount.computed) > 0) version = (await approveApplication(ctx(r.reviewer, on), id, { version })).version;
        else version = (await refuseApplication(ctx(r.reviewer, on), id, { version, reason: "按本年度结算记录计算，扣除起付标准后无可救助金额，不符合依申请救助条件" })).version;
        state = Number(amount.computed) > 0 ? "approved" : "refused";
        break;
      }
      case "begin_review":
        version = (await beginTownshipReview(ctx(r.clerk, on), id, { version })).version;
        break;
      case "survey":
        version = (
          await recordHouseholdSurvey(ctx(r.clerk, on), id, {
            version,
            surveyedOn: on,
            visitors: "乡镇经办员、村委会委员",
            findings: "申请人因病长期住院治疗，家中主要劳动力丧失，医疗费用负担重，所述情况属实",
            householdSituation: "家庭4口人，年收入约2.6万元，主要来源为务农及零工收入",
          })
        ).version;
        break;
      case "forward":
        version = (await forwardApplication(ctx(r.clerk, on), id, { version })).version;
        break;
      case "begin_audit":
        version = (await beginCountyAudit(ctx(r.reviewer, on), id, { version })).version;
        break;
      case "return":
        version = (await returnApplication(ctx(r.clerk, on), id, { version, note: step.note })).version;
        break;
      case "refuse": {
        // The township refuses during its review, the county during its audit.
        const inCounty = script.some((s) => s.op === "forward");
        const by = inCounty ? r.reviewer : r.clerk;
        version = (await refuseApplication(ctx(by, on), id, { version, reason: step.reason })).version;
        state = "refused";
        // 不予救助告知书 sent by post the next day, and its sending recorded.
        if (step.notify) {
          const next = new Date(Date.parse(`${on}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
          const noticed = (await recordRefusalNotice(ctx(by, next), id, { version, notifiedOn: next, channel: "post" })) as { version?: number };
          if (typeof noticed.version === "number") version = noticed.version;
        }
        break;
      }
    }
    if (step.op !== "accept" && step.op !== "approve" && step.op !== "refuse" && step.op !== "survey") state = step.op;
  }
  return { id, version, state };
}

const DIAGNOSES = [
  "急性心肌梗死，住院行冠状动脉介入治疗",
  "慢性肾功能衰竭（尿毒症期），规律血液透析",
  "肺恶性肿瘤，住院化疗",
  "脑出血后遗症，住院康复治疗",
  "重症肺炎，重症监护病房治疗",
  "股骨颈骨折，住院行髋关节置换术",
];

/** A missing item is due 15 calendar days after acceptance (the township's own choice of 补交期限). */
function dueForMissing(on: string): string {
  return new Date(Date.parse(`${on}T00:00:00Z`) + 15 * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The township's residents to apply, in a stable order: those holding a
 * category and who paid most themselves first (so the engine has an amount for the cases to approve), then the rest.
 */
async function applicantsOf(db: Db, township: string, n: number): Promise<{ id: string; name: string }[]> {
  // 003 §三(八) gives on-application assistance to 监测对象 and 因病致贫重病患者 only.
  const held = sql`EXISTS (SELECT 1 FROM ${personCategories} pc WHERE pc.person_id = ${people.id} AND pc.category IN ('monitored', 'illness_poverty') AND pc.from_date <= '2026-09-01' AND (pc.to_date IS NULL OR pc.to_date >= '2026-09-01'))`;
  // What the person paid within the policy scope before September (the approved cases are accepted in September).
  const outOfPocket = sql<string>`(SELECT coalesce(sum(${claims.policyScopeCost} - coalesce(${claims.basicPaid}, 0) - coalesce(${claims.criticalPaid}, 0)), 0) FROM ${claims} WHERE ${claims.personId} = ${people.id} AND ${claims.claimDate} < '2026-09-01')`;
  return db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(like(people.divisionCode, `${township.slice(0, 9)}%`))
    .orderBy(sql`${held} DESC`, sql`${outOfPocket} DESC`, people.id)
    .limit(n);
}
