import { and, asc, desc, eq, gte, inArray, isNull, like, lte, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { applicationTransitions, applications, divisions, noticeObjections, noticeRows, notices, people } from "../schema";

// Quarterly notices (季度公示, docs/policy.md §7): drafts, publication, the
// staff lists, objections. Every list takes the caller's jurisdiction prefix
// (scopePrefix) into its WHERE clause. Published notices and their rows are
// never updated: the trigger of migration 0015 refuses it.

type Q = Db | Tx;

/** The case states that count as assistance granted (see lib/notices/draft-quarter-notices.ts for why). */
export const GRANTED_STATES = ["approved", "in_batch", "paid", "payment_failed", "objection_review"] as const;

export type ApprovedCaseRow = {
  applicationId: string;
  personName: string;
  villageCode: string;
  villageName: string;
  category: string | null;
  approvedAmount: string;
  approvedOn: string;
};

/** The township's cases approved by the county between from and to (inclusive), with the person's village. */
export async function listApprovedCasesOfTownship(db: Q, townshipCode: string, from: string, to: string): Promise<ApprovedCaseRow[]> {
  const rows = await db
    .select({
      applicationId: applications.id,
      personName: people.name,
      villageCode: people.divisionCode,
      villageName: sql<string | null>`(select d.name from ${divisions} d where d.code = ${people.divisionCode} and d.valid_from <= ${applications.approvedOn} and (d.valid_to is null or d.valid_to > ${applications.approvedOn}) order by d.valid_from desc limit 1)`,
      category: applications.category,
      approvedAmount: sql<string>`${applications.approvedAmount}::text`,
      approvedOn: sql<string>`${applications.approvedOn}::text`,
    })
    .from(applications)
    .innerJoin(people, eq(people.id, applications.personId))
    .where(
      and(
        eq(applications.townshipCode, townshipCode),
        gte(applications.approvedOn, from),
        lte(applications.approvedOn, to),
        inArray(applications.state, [...GRANTED_STATES] as never),
        sql`${applications.approvedAmount} is not null`,
      ),
    );
  return rows.map((r) => ({ ...r, villageName: r.villageName ?? r.villageCode }));
}

/** The current name of a division (null when unknown). */
export async function divisionName(db: Q, code: string): Promise<string | null> {
  const [row] = await db.select({ name: divisions.name }).from(divisions).where(and(eq(divisions.code, code), isNull(divisions.validTo))).limit(1);
  return row?.name ?? null;
}

export const noticeColumns = {
  id: notices.id,
  townshipCode: notices.townshipCode,
  villageCode: notices.villageCode,
  townshipName: notices.townshipName,
  villageName: notices.villageName,
  year: notices.year,
  quarter: notices.quarter,
  status: notices.status,
  issuer: notices.issuer,
  contactPhone: notices.contactPhone,
  objectionChannel: notices.objectionChannel,
  objectionTo: notices.objectionTo,
  publishedOn: sql<string | null>`${notices.publishedOn}::text`,
  windowStart: sql<string | null>`${notices.windowStart}::text`,
  windowEnd: sql<string | null>`${notices.windowEnd}::text`,
  postingWorkingDays: notices.postingWorkingDays,
  correctsNoticeId: notices.correctsNoticeId,
  correctionReason: notices.correctionReason,
  version: notices.version,
  rowCount: sql<number>`(select count(*)::int from ${noticeRows} r where r.notice_id = "notices"."id")`,
  total: sql<string>`(select coalesce(sum(r.amount), 0)::numeric(14,2)::text from ${noticeRows} r where r.notice_id = "notices"."id")`,
  openObjections: sql<number>`(select count(*)::int from ${noticeObjections} o where o.notice_id = "notices"."id" and o.outcome is null)`,
  correctedBy: sql<string | null>`(select c.id from ${notices} c where c.corrects_notice_id = "notices"."id" order by c.created_at desc limit 1)`,
};

export type NoticeRecord = Awaited<ReturnType<typeof findNotice>> & {};

export async function findNotice(db: Q, id: string) {
  const [row] = await db.select(noticeColumns).from(notices).where(eq(notices.id, id));
  return row ?? null;
}

/** Notices within the jurisdiction prefix, optionally of one quarter, newest quarter first. */
export async function listNoticesWithin(db: Q, prefix: string, filter: { year?: number; quarter?: number; status?: "draft" | "published"; closedBefore?: string } = {}) {
  const where = [like(notices.townshipCode, `${prefix}%`)];
  if (filter.year !== undefined) where.push(eq(notices.year, filter.year));
  if (filter.quarter !== undefined) where.push(eq(notices.quarter, filter.quarter));
  if (filter.status) where.push(eq(notices.status, filter.status));
  if (filter.closedBefore) where.push(sql`${notices.windowEnd} < ${filter.closedBefore}`);
  return db
    .select(noticeColumns)
    .from(notices)
    .where(and(...where))
    .orderBy(desc(notices.year), desc(notices.quarter), asc(notices.townshipCode), asc(notices.villageCode), asc(notices.createdAt));
}

/** The original (uncorrected) notice of a village and quarter, if any. */
export async function findOriginalNotice(db: Q, villageCode: string, year: number, quarter: number) {
  const [row] = await db
    .select({ id: notices.id, status: notices.status, version: notices.version })
    .from(notices)
    .where(and(eq(notices.villageCode, villageCode), eq(notices.year, year), eq(notices.quarter, quarter), isNull(notices.correctsNoticeId)));
  return row ?? null;
}

/** The draft notices of a township's quarter (originals and corrections). */
export async function listDraftsOfTownshipQuarter(db: Q, townshipCode: string, year: number, quarter: number) {
  return db
    .select({ id: notices.id, villageCode: notices.villageCode, correctsNoticeId: notices.correctsNoticeId })
    .from(notices)
    .where(and(eq(notices.townshipCode, townshipCode), eq(notices.year, year), eq(notices.quarter, quarter), eq(notices.status, "draft")));
}

export type NewNotice = typeof notices.$inferInsert;

export async function insertNotice(tx: Q, values: NewNotice): Promise<string> {
  const [row] = await tx.insert(notices).values(values).returning({ id: notices.id });
  return row!.id;
}

export type NoticeRowValues = { seq: number; applicationId: string; maskedName: string; villageName: string; categoryName: string; amount: string; approvedOn: string };

/** Replaces a draft's rows (the trigger refuses it for a published notice). */
export async function replaceNoticeRows(tx: Q, noticeId: string, rows: readonly NoticeRowValues[]): Promise<void> {
  await tx.delete(noticeRows).where(eq(noticeRows.noticeId, noticeId));
  if (rows.length > 0) await tx.insert(noticeRows).values(rows.map((r) => ({ ...r, noticeId })));
}

/** Deletes a draft and its rows (a village whose cases all dropped out on re-drafting). */
export async function deleteDraftNotice(tx: Q, noticeId: string): Promise<void> {
  await tx.delete(noticeRows).where(eq(noticeRows.noticeId, noticeId));
  await tx.delete(notices).where(and(eq(notices.id, noticeId), eq(notices.status, "draft")));
}

/** Touches a draft after its rows were refreshed (bumps the version so an open editor sees the change). */
export async function touchDraft(tx: Q, noticeId: string): Promise<void> {
  await tx.update(notices).set({ version: sql`${notices.version} + 1`, updatedAt: sql`now()` }).where(and(eq(notices.id, noticeId), eq(notices.status, "draft")));
}

export type DraftPatch = Partial<Pick<NewNotice, "issuer" | "contactPhone" | "objectionChannel" | "objectionTo" | "status" | "publishedOn" | "windowStart" | "windowEnd" | "postingWorkingDays" | "publishedBy" | "publishedAt">>;

/** Updates a draft if it is still the version the user saw; false when it moved or is no longer a draft. */
export async function updateDraftIfVersion(tx: Q, id: string, version: number, patch: DraftPatch): Promise<boolean> {
  const rows = await tx
    .update(notices)
    .set({ ...patch, version: sql`${notices.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(notices.id, id), eq(notices.version, version), eq(notices.status, "draft")))
    .returning({ id: notices.id });
  return rows.length === 1;
}

/** A notice's rows in order, staff view (with the case id for objections). */
export async function listNoticeRows(db: Q, noticeId: string) {
  return db
    .select({
      seq: noticeRows.seq,
      applicationId: noticeRows.applicationId,
      maskedName: noticeRows.maskedName,
      villageName: noticeRows.villageName,
      categoryName: noticeRows.categoryName,
      amount: sql<string>`${noticeRows.amount}::text`,
      approvedOn: sql<string>`${noticeRows.approvedOn}::text`,
    })
    .from(noticeRows)
    .where(eq(noticeRows.noticeId, noticeId))
    .orderBy(asc(noticeRows.seq));
}

/** The state a case left when it went into objection review (its latest transition into it). */
export async function stateBeforeObjection(db: Q, applicationId: string): Promise<string | null> {
  const [row] = await db
    .select({ from: applicationTransitions.fromState })
    .from(applicationTransitions)
    .where(and(eq(applicationTransitions.applicationId, applicationId), eq(applicationTransitions.toState, "objection_review")))
    .orderBy(desc(applicationTransitions.id))
    .limit(1);
  return row?.from ?? null;
}

/** What was paid on a case (for the revocation's recovery note). */
export async function paymentOf(db: Q, applicationId: string): Promise<{ paidAmount: string | null; paidOn: string | null } | null> {
  const [row] = await db
    .select({ paidAmount: sql<string | null>`${applications.paidAmount}::text`, paidOn: sql<string | null>`${applications.paidOn}::text` })
    .from(applications)
    .where(eq(applications.id, applicationId));
  return row ?? null;
}
