import { and, asc, eq, gte, inArray, isNull, lte, ne, notInArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { applicationClaims, applicationDocuments, applicationReceipts, applications, claims, claimSettlements, people } from "../schema";
import { GRANTED_STATES } from "@/lib/applications/domain/states";

// The county-audit side of an on-application case: the ledger's claims of the
// applicant's year and which of them are ticked into the case, the receipts
// entered by hand, the assistance already approved on the person's other
// applications (the annual pool), and the checklist updates. The callers
// check the jurisdiction on `townshipCode` first.

/** The case with its person, for the audit use cases. */
export async function findAuditCase(db: Db | Tx, id: string) {
  const [row] = await db
    .select({
      id: applications.id,
      caseNo: applications.caseNo,
      version: applications.version,
      state: applications.state,
      townshipCode: applications.townshipCode,
      year: applications.year,
      acceptedOn: applications.acceptedOn,
      jointMeeting: applications.jointMeeting,
      personId: people.id,
      personName: people.name,
      personDivision: people.divisionCode,
      personIdSealed: people.idSealed,
      personIdNumber: people.idNumber,
    })
    .from(applications)
    .innerJoin(people, eq(people.id, applications.personId))
    .where(eq(applications.id, id));
  return row ?? null;
}

const yearRange = (year: number) => [gte(claims.claimDate, `${year}-01-01`), lte(claims.claimDate, `${year}-12-31`)];

/**
 * The person's claims of the year from the ledger, with their current
 * settlement's basic and critical-illness figures, whether this case ticks
 * them, and the other live case (not refused) that already ticked them.
 */
export async function personYearClaims(db: Db | Tx, applicationId: string, personId: string, year: number) {
  const other = db
    .select({ claimId: applicationClaims.claimId, caseNo: applications.caseNo })
    .from(applicationClaims)
    .innerJoin(applications, eq(applications.id, applicationClaims.applicationId))
    .where(and(ne(applicationClaims.applicationId, applicationId), ne(applications.state, "refused")))
    .as("other");
  return db
    .select({
      id: claims.id,
      externalId: claims.externalId,
      date: claims.claimDate,
      setting: claims.setting,
      hospitalName: claims.hospitalName,
      hospitalLevel: claims.hospitalLevel,
      specialDisease: claims.specialDisease,
      referred: claims.referred,
      inCity: claims.inCity,
      totalCost: claims.totalCost,
      policyScopeCost: claims.policyScopeCost,
      outOfScopeCost: claims.outOfScopeCost,
      basicPaid: sql<string | null>`coalesce(${claims.basicPaid}, ${claimSettlements.basic})`,
      criticalPaid: sql<string | null>`coalesce(${claims.criticalPaid}, ${claimSettlements.critical})`,
      hospitalWaived: claims.hospitalWaived,
      commercialPaid: claims.commercialPaid,
      ticked: sql<boolean>`EXISTS (SELECT 1 FROM ${applicationClaims} WHERE ${applicationClaims.applicationId} = ${applicationId} AND ${applicationClaims.claimId} = ${claims.id})`,
      takenBy: other.caseNo,
    })
    .from(claims)
    .leftJoin(claimSettlements, and(eq(claimSettlements.claimId, claims.id), isNull(claimSettlements.supersededAt)))
    .leftJoin(other, eq(other.claimId, claims.id))
    .where(and(eq(claims.personId, personId), ...yearRange(year), isNull(claims.supersededAt)))
    .orderBy(asc(claims.claimDate), asc(claims.externalId));
}

export type PersonYearClaim = Awaited<ReturnType<typeof personYearClaims>>[number];

/** Replaces the set of ticked claims of the case. */
export async function replaceApplicationClaims(tx: Tx, applicationId: string, claimIds: readonly string[]): Promise<void> {
  await tx.delete(applicationClaims).where(eq(applicationClaims.applicationId, applicationId));
  if (claimIds.length > 0) await tx.insert(applicationClaims).values(claimIds.map((claimId) => ({ applicationId, claimId })));
}

export async function receiptsOf(db: Db | Tx, applicationId: string) {
  return db
    .select()
    .from(applicationReceipts)
    .where(eq(applicationReceipts.applicationId, applicationId))
    .orderBy(asc(applicationReceipts.claimDate), asc(applicationReceipts.receiptNo));
}

export async function insertReceipt(tx: Tx, row: typeof applicationReceipts.$inferInsert): Promise<string> {
  const [created] = await tx.insert(applicationReceipts).values(row).returning({ id: applicationReceipts.id });
  return created!.id;
}

/** Receipt numbers already used on the case (for MANUAL-<caseNo>-<n> and duplicates). */
export async function receiptNumbersOf(tx: Db | Tx, applicationId: string): Promise<string[]> {
  const rows = await tx.select({ no: applicationReceipts.receiptNo }).from(applicationReceipts).where(eq(applicationReceipts.applicationId, applicationId));
  return rows.map((r) => r.no);
}

/** Deletes one receipt of the case; its number, or null when the case has no such receipt. */
export async function deleteReceipt(tx: Tx, applicationId: string, receiptId: string): Promise<string | null> {
  const done = await tx
    .delete(applicationReceipts)
    .where(and(eq(applicationReceipts.applicationId, applicationId), eq(applicationReceipts.id, receiptId)))
    .returning({ no: applicationReceipts.receiptNo });
  return done[0]?.no ?? null;
}

/** Two approvals of the same person's applications in one year never run side by side. */
export async function lockPersonYear(tx: Tx, personId: string, year: number): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`application-pool:${personId}:${year}`}))`);
}

/** Assistance approved this year on the person's other applications (yuan, two decimals). */
export async function approvedBefore(db: Db | Tx, personId: string, year: number, exceptId: string): Promise<string> {
  const [row] = await db
    .select({ sum: sql<string>`coalesce(sum(${applications.approvedAmount}), 0)::numeric(14,2)::text` })
    .from(applications)
    .where(
      and(
        eq(applications.personId, personId),
        eq(applications.year, year),
        ne(applications.id, exceptId),
        inArray(applications.state, [...GRANTED_STATES]),
      ),
    );
  return row?.sum ?? "0.00";
}

/** The checklist of the case as stored. */
export async function documentsOf(db: Db | Tx, applicationId: string) {
  return db
    .select({ item: applicationDocuments.item, status: applicationDocuments.status, dueOn: applicationDocuments.dueOn, waiveReason: applicationDocuments.waiveReason })
    .from(applicationDocuments)
    .where(eq(applicationDocuments.applicationId, applicationId));
}

/** Sets one item's status (inserting it when the checklist lacks it). */
export async function setDocument(
  tx: Tx,
  row: { applicationId: string; item: (typeof applicationDocuments.$inferInsert)["item"]; status: "supplied" | "waived"; waiveReason: string | null },
): Promise<void> {
  await tx
    .insert(applicationDocuments)
    .values({ ...row, dueOn: null })
    .onConflictDoUpdate({
      target: [applicationDocuments.applicationId, applicationDocuments.item],
      set: { status: row.status, waiveReason: row.waiveReason, dueOn: null, updatedAt: sql`now()` },
    });
}

/** Claims among `ids` that are not the person's claims of the year (for the refusal message). */
export async function foreignClaimIds(db: Db | Tx, personId: string, year: number, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const mine = await db
    .select({ id: claims.id })
    .from(claims)
    .where(and(inArray(claims.id, [...ids]), eq(claims.personId, personId), ...yearRange(year), isNull(claims.supersededAt)));
  const own = new Set(mine.map((r) => r.id));
  return ids.filter((id) => !own.has(id));
}

/** Claims among `ids` already ticked into another live case of anyone (not refused), with its 申请编号. */
export async function claimsTakenElsewhere(db: Db | Tx, applicationId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ claimId: applicationClaims.claimId, caseNo: applications.caseNo, externalId: claims.externalId })
    .from(applicationClaims)
    .innerJoin(applications, eq(applications.id, applicationClaims.applicationId))
    .innerJoin(claims, eq(claims.id, applicationClaims.claimId))
    .where(and(inArray(applicationClaims.claimId, [...ids]), ne(applicationClaims.applicationId, applicationId), notInArray(applications.state, ["refused"])));
}
