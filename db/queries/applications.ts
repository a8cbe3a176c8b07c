import { and, asc, count, eq, like, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { applicationDocuments, applications, applicationTransitions, householdSurveys, people } from "../schema";

// On-application cases (依申请救助). Reads take the caller's division prefix,
// so a township clerk's query cannot return another township's case; a
// change is `UPDATE … WHERE id AND version`, so of two people acting on the
// same case at once exactly one wins.

type AppInsert = typeof applications.$inferInsert;
type DocInsert = typeof applicationDocuments.$inferInsert;
type TransitionInsert = typeof applicationTransitions.$inferInsert;

/** The person's division (village) and name, for the intake's jurisdiction check. */
export async function findPersonForIntake(db: Db | Tx, personId: string) {
  const [row] = await db.select({ id: people.id, name: people.name, divisionCode: people.divisionCode }).from(people).where(eq(people.id, personId));
  return row ?? null;
}

/**
 * The next 申请编号 of a township and year. Serialised per township-year by a
 * transaction-scoped advisory lock, so two intakes at once never draw the same number.
 */
export async function nextCaseNo(tx: Tx, townshipCode: string, year: number): Promise<string> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`applications:${townshipCode}:${year}`}))`);
  const [row] = await tx
    .select({ n: count() })
    .from(applications)
    .where(and(eq(applications.townshipCode, townshipCode), eq(applications.year, year)));
  return `SQ-${townshipCode.slice(0, 9)}-${year}-${String(Number(row?.n ?? 0) + 1).padStart(4, "0")}`;
}

export async function insertApplication(tx: Tx, row: AppInsert, documents: Omit<DocInsert, "applicationId">[]): Promise<{ id: string; caseNo: string }> {
  const [created] = await tx.insert(applications).values(row).returning({ id: applications.id, caseNo: applications.caseNo });
  if (documents.length > 0) await tx.insert(applicationDocuments).values(documents.map((d) => ({ ...d, applicationId: created!.id })));
  return created!;
}

export async function insertTransition(tx: Tx, row: TransitionInsert): Promise<void> {
  await tx.insert(applicationTransitions).values(row);
}

/** What the state machine needs to decide on a case, or null. */
export async function findApplicationForWorkflow(db: Db | Tx, id: string) {
  const [row] = await db
    .select({
      id: applications.id,
      caseNo: applications.caseNo,
      state: applications.state,
      version: applications.version,
      townshipCode: applications.townshipCode,
      acceptedOn: applications.acceptedOn,
      urgent: applications.urgent,
      jointMeeting: applications.jointMeeting,
      bankOnFile: sql<boolean>`(${applications.bankAccountSealed} IS NOT NULL AND ${applications.bankHolderSealed} IS NOT NULL AND ${applications.bankName} IS NOT NULL)`,
      clockStep: applications.clockStep,
      clockStartedOn: applications.clockStartedOn,
      clockUsedBefore: applications.clockUsedBefore,
      clockPausedOn: applications.clockPausedOn,
      surveyRecorded: sql<boolean>`EXISTS (SELECT 1 FROM ${householdSurveys} WHERE ${householdSurveys.applicationId} = ${applications.id})`,
    })
    .from(applications)
    .where(eq(applications.id, id));
  if (!row) return null;
  const documents = await db
    .select({ item: applicationDocuments.item, status: applicationDocuments.status })
    .from(applicationDocuments)
    .where(eq(applicationDocuments.applicationId, id))
    .orderBy(asc(applicationDocuments.item));
  return { ...row, documents };
}

export type ApplicationPatch = Partial<Omit<AppInsert, "id" | "version" | "caseNo" | "personId">>;

/** Applies the patch only if the case still has `version`; bumps it. False when someone else changed it first. */
export async function updateApplicationIfVersion(tx: Tx, id: string, version: number, patch: ApplicationPatch): Promise<boolean> {
  const done = await tx
    .update(applications)
    .set({ ...patch, version: sql`${applications.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(applications.id, id), eq(applications.version, version)))
    .returning({ id: applications.id });
  return done.length === 1;
}

/** Sealed contact and bank columns as stored (for the encryption test and the audited reveal). */
export async function sealedContactOf(db: Db | Tx, id: string) {
  const [row] = await db
    .select({
      phoneSealed: applications.phoneSealed,
      phoneTail: applications.phoneTail,
      bankHolderSealed: applications.bankHolderSealed,
      bankAccountSealed: applications.bankAccountSealed,
      bankAccountTail: applications.bankAccountTail,
      bankAccountHead: applications.bankAccountHead,
    })
    .from(applications)
    .where(eq(applications.id, id));
  return row ?? null;
}

export type ApplicationsSummaryRow = { state: string; cases: number; urgent: number; overdue: number; paidAmount: string };

/**
 * Cases by state under a division prefix ("" = all): how many, how many
 * urgent, how many open past their due date on `today`, and the sum paid.
 * One grouped scan of the township index.
 */
export async function summarizeApplications(db: Db | Tx, prefix: string, today: string): Promise<ApplicationsSummaryRow[]> {
  const rows = await db
    .select({
      state: applications.state,
      cases: sql<number>`count(*)::int`,
      urgent: sql<number>`(count(*) FILTER (WHERE ${applications.urgent}))::int`,
      overdue: sql<number>`(count(*) FILTER (WHERE ${applications.dueOn} < ${today}::date))::int`,
      paidAmount: sql<string>`coalesce(sum(${applications.paidAmount}), 0)::numeric(14,2)::text`,
    })
    .from(applications)
    .where(like(applications.townshipCode, `${prefix}%`))
    .groupBy(applications.state);
  return rows.map((r) => ({ ...r, cases: Number(r.cases), urgent: Number(r.urgent), overdue: Number(r.overdue) }));
}

/** 入户调查 record (one per case; recording again replaces it). */
export async function upsertSurvey(tx: Tx, row: typeof householdSurveys.$inferInsert): Promise<void> {
  await tx
    .insert(householdSurveys)
    .values(row)
    .onConflictDoUpdate({
      target: householdSurveys.applicationId,
      set: { surveyedOn: row.surveyedOn, visitors: row.visitors, findings: row.findings, householdSituation: row.householdSituation, recordedBy: row.recordedBy ?? null, recordedAt: sql`now()` },
    });
}
