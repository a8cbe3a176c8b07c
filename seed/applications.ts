import { and, eq, inArray, like, sql } from "drizzle-orm";
import { acceptApplication } from "@/lib/applications/accept-application";
import { beginCountyAudit } from "@/lib/applications/begin-county-audit";
import { beginTownshipReview } from "@/lib/applications/begin-township-review";
import { DOCUMENT_ITEMS } from "@/lib/applications/domain/documents";
import { forwardApplication } from "@/lib/applications/forward-application";
import { recordHouseholdSurvey } from "@/lib/applications/record-household-survey";
import { refuseApplication } from "@/lib/applications/refuse-application";
import { returnApplication } from "@/lib/applications/return-application";
import type { UseCaseContext } from "@/lib/auth/context";
import type { Actor } from "@/lib/auth/domain/actor";
import { defaultCalendar } from "@/lib/calendar/domain/default-calendar";
import { DEMO_ACCOUNTS } from "@/lib/demo/demo-accounts";
import { applications, claims, people, users } from "@/db/schema";
import type { Db } from "@/db/client";
import { demoAccountsHash } from "./demo-password";
import { DEMO_APPLICATION_TOWNSHIPS, demoApplicationsPlan, type DemoOp } from "./applications-plan";

// Demo step: ~60 on-application cases (依申请救助) in four townships, made only
// through the real use cases — each township's clerk accepts, surveys,
// forwards, returns or refuses; the county reviewer takes files up and
// refuses. Each step runs with a context whose clock is fixed at 10:00 Beijing
// time on that step's date (seed/applications-plan.ts says why: the deadlines
// must stay inside the shipped 2026 holiday schedule). Runs while the
// applications table is empty.

const CLERKS = ["taohong.clerk", "xiaoshajiang.clerk", "jinshiqiao.clerk", "simenqian.clerk"] as const;
const REVIEWER = "yibao.reviewer";

export async function seedDemoApplications(db: Db): Promise<Record<string, number> | null> {
  const [stored] = await db.select({ n: sql<number>`count(*)::int` }).from(applications);
  if ((stored?.n ?? 0) > 0) return null;
  await ensureTownshipClerks(db);
  const actorOf = await demoActors(db);
  const plan = demoApplicationsPlan(defaultCalendar());

  let transitions = 0;
  for (let t = 0; t < DEMO_APPLICATION_TOWNSHIPS.length; t++) {
    const cases = plan.filter((c) => c.township === t);
    const applicants = await applicantsOf(db, DEMO_APPLICATION_TOWNSHIPS[t]!, cases.length);
    for (let i = 0; i < cases.length; i++) {
      const person = applicants[i];
      if (!person) break;
      transitions += await runScript(cases[i]!.script, { person, n: t * 100 + i, clerk: actorOf(CLERKS[t]!), reviewer: actorOf(REVIEWER), db });
    }
  }
  const [made] = await db.select({ n: sql<number>`count(*)::int` }).from(applications);
  return { applications: made?.n ?? 0, "application steps": transitions };
}

type Run = { person: { id: string; name: string }; n: number; clerk: Actor; reviewer: Actor; db: Db };

/** 10:00 in Beijing on `on`: the clock the step's use case reads. */
const at = (on: string) => () => new Date(`${on}T02:00:00Z`);

async function runScript(script: DemoOp[], r: Run): Promise<number> {
  const ctx = (actor: Actor, on: string): UseCaseContext => ({ db: r.db, actor, now: at(on) });
  let id = "";
  let version = 1;
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
        version = (await refuseApplication(ctx(inCounty ? r.reviewer : r.clerk, on), id, { version, reason: step.reason })).version;
        break;
      }
    }
  }
  return script.length;
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
 * The township's residents to apply, in a stable order: those with settlement
 * records in the ledger first (so the county has claims to tick), then the rest.
 */
async function applicantsOf(db: Db, township: string, n: number): Promise<{ id: string; name: string }[]> {
  const withClaims = sql<number>`(SELECT count(*) FROM ${claims} WHERE ${claims.personId} = ${people.id})::int`;
  return db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(like(people.divisionCode, `${township.slice(0, 9)}%`))
    .orderBy(sql`${withClaims} DESC`, people.id)
    .limit(n);
}

/**
 * The township clerks of DEMO_ACCOUNTS that a demo database made before they
 * were added lacks (the base step runs only on an empty database).
 */
async function ensureTownshipClerks(db: Db): Promise<void> {
  const have = new Set((await db.select({ u: users.username }).from(users).where(inArray(users.username, [...CLERKS]))).map((r) => r.u));
  const missing = DEMO_ACCOUNTS.filter((a) => (CLERKS as readonly string[]).includes(a.username) && !have.has(a.username));
  if (missing.length === 0) return;
  const passwordHash = await demoAccountsHash();
  await db.insert(users).values(missing.map((a) => ({ ...a, passwordHash }))).onConflictDoNothing();
}

/** Actors of the demo accounts, as a request would load them. */
async function demoActors(db: Db): Promise<(username: string) => Actor> {
  const rows = await db.select().from(users).where(and(inArray(users.username, [...CLERKS, REVIEWER]), eq(users.status, "active")));
  const actors = new Map<string, Actor>(
    rows.map((u) => [
      u.username,
      {
        kind: "user",
        user: { id: u.id, username: u.username, displayName: u.displayName, department: u.department, role: u.role, jurisdiction: u.jurisdiction, status: u.status },
        ip: null,
        userAgent: "demo seed",
      },
    ]),
  );
  return (username) => {
    const actor = actors.get(username);
    if (!actor) throw new Error(`demo account ${username} is missing`);
    return actor;
  };
}
