import { and, asc, desc, eq, gte, inArray, isNull, like, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { applicationClaims, applications, claimImports, claims, claimSettlements, people, personCategories, policyActivations, policyVersions, users, type ClaimRow } from "../schema";
import type { Db, Tx } from "../client";
import { idHashOf, withIdNumbers } from "./people-ids";

// The claims ledger: settlement records (claims), the engine's result for each
// (claim_settlements, superseded never deleted) and the imports they came in.
// Queries that list people's claims take the caller's jurisdiction prefix.
// A claim corrected by a later import is superseded (claims.superseded_at) and
// left out of the ledger; it keeps its own superseded results as history.

const BATCH = 500;

function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Imports and re-settlements never interleave: each sees the ledger the previous one left. */
export async function lockClaimsLedger(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('claims-ledger'))`);
}

export type LedgerPerson = { id: string; idNumber: string; name: string; birthDate: string; divisionCode: string };

/** People with these ID numbers (by blind index) inside the jurisdiction prefix; others are simply not found. */
export async function peopleWithinByIdNumbers(tx: Db | Tx, idNumbers: readonly string[], scopePrefix: string): Promise<LedgerPerson[]> {
  const out: LedgerPerson[] = [];
  for (const part of chunks([...new Set(idNumbers)])) {
    const rows = await tx
      .select({ id: people.id, idSealed: people.idSealed, name: people.name, birthDate: people.birthDate, divisionCode: people.divisionCode })
      .from(people)
      .where(and(inArray(people.idHash, part.map(idHashOf)), like(people.divisionCode, `${scopePrefix}%`)));
    out.push(...withIdNumbers(rows));
  }
  return out;
}

/** The current stored claims with these platform numbers, by external id (to tell a repeat from a correction). */
export async function currentClaimsByExternalId(tx: Db | Tx, externalIds: readonly string[]): Promise<Map<string, ClaimRow>> {
  const map = new Map<string, ClaimRow>();
  for (const part of chunks(externalIds)) {
    const rows = await tx.select().from(claims).where(and(inArray(claims.externalId, part), isNull(claims.supersededAt)));
    for (const r of rows) map.set(r.externalId, r);
  }
  return map;
}

/** Claims among `ids` ticked into an on-application case that is not refused, with its 申请编号. */
export async function claimsInLiveCases(tx: Db | Tx, ids: readonly string[]): Promise<{ claimId: string; caseNo: string }[]> {
  const out: { claimId: string; caseNo: string }[] = [];
  for (const part of chunks([...ids])) {
    out.push(
      ...(await tx
        .select({ claimId: applicationClaims.claimId, caseNo: applications.caseNo })
        .from(applicationClaims)
        .innerJoin(applications, eq(applications.id, applicationClaims.applicationId))
        .where(and(inArray(applicationClaims.claimId, part), ne(applications.state, "refused")))),
    );
  }
  return out;
}

/**
 * Takes corrected claims out of the current ledger (before their successors
 * are inserted: the 结算流水号 is unique among current rows) together with
 * their current results, which get no successor of their own: the successor
 * claim is settled afresh. History stays.
 */
export async function retireClaims(tx: Tx, ids: readonly string[], at: Date): Promise<void> {
  for (const part of chunks([...ids])) {
    await tx.update(claims).set({ supersededAt: at }).where(and(inArray(claims.id, part), isNull(claims.supersededAt)));
    await tx.update(claimSettlements).set({ supersededAt: at }).where(and(inArray(claimSettlements.claimId, part), isNull(claimSettlements.supersededAt)));
  }
}

/** Points each retired claim at the row that replaced it (old id → new id). */
export async function linkSuccessors(tx: Tx, successors: ReadonlyMap<string, string>): Promise<void> {
  for (const [oldId, newId] of successors) await tx.update(claims).set({ supersededBy: newId }).where(eq(claims.id, oldId));
}

/** Stored claims (current or superseded) with these platform numbers: external id → person. */
export async function storedExternalIds(tx: Db | Tx, externalIds: readonly string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const part of chunks(externalIds)) {
    const rows = await tx.select({ externalId: claims.externalId, personId: claims.personId }).from(claims).where(inArray(claims.externalId, part));
    for (const r of rows) map.set(r.externalId, r.personId);
  }
  return map;
}

export async function importIdBySha(tx: Tx, sha256: string): Promise<number | null> {
  const [row] = await tx.select({ id: claimImports.id }).from(claimImports).where(eq(claimImports.fileSha256, sha256));
  return row?.id ?? null;
}

export async function insertClaimImport(tx: Tx, row: typeof claimImports.$inferInsert): Promise<number> {
  const [created] = await tx.insert(claimImports).values(row).returning({ id: claimImports.id });
  return created!.id;
}

/** Inserts the claims; their ids by 结算流水号 (current rows only, so unique). */
export async function insertClaims(tx: Tx, rows: (typeof claims.$inferInsert)[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const part of chunks(rows)) {
    for (const r of await tx.insert(claims).values(part).returning({ id: claims.id, externalId: claims.externalId })) ids.set(r.externalId, r.id);
  }
  return ids;
}

export type LedgerRow = ClaimRow & {
  personName: string;
  personDivision: string;
  settlement: {
    id: number;
    versionId: number;
    category: string;
    basic: string;
    critical: string;
    assistance: string;
    tilted: string;
    selfPaid: string;
    trace: unknown[];
    settledAt: Date;
    reason: string | null;
  } | null;
};

function ledgerSelect(tx: Db | Tx) {
  return tx
    .select({
      claim: claims,
      personName: people.name,
      personDivision: people.divisionCode,
      settlement: {
        id: claimSettlements.id,
        versionId: claimSettlements.policyVersionId,
        category: claimSettlements.category,
        basic: claimSettlements.basic,
        critical: claimSettlements.critical,
        assistance: claimSettlements.assistance,
        tilted: claimSettlements.tilted,
        selfPaid: claimSettlements.selfPaid,
        trace: claimSettlements.trace,
        settledAt: claimSettlements.settledAt,
        reason: claimSettlements.reason,
      },
    })
    .from(claims)
    .innerJoin(people, eq(people.id, claims.personId))
    .leftJoin(claimSettlements, and(eq(claimSettlements.claimId, claims.id), isNull(claimSettlements.supersededAt)));
}

const yearOf = (year: number): SQL[] => [gte(claims.claimDate, `${year}-01-01`), lte(claims.claimDate, `${year}-12-31`), isNull(claims.supersededAt)];

/**
 * The claims of one year, with their current settlement, of the people within
 * the jurisdiction prefix — all of them, or only `personIds`.
 */
export async function ledgerClaims(tx: Db | Tx, f: { scopePrefix: string; year: number; personIds?: readonly string[] }): Promise<LedgerRow[]> {
  const where = [like(people.divisionCode, `${f.scopePrefix}%`), ...yearOf(f.year)];
  const parts = f.personIds ? chunks(f.personIds) : [null];
  const out: LedgerRow[] = [];
  for (const part of parts) {
    if (part?.length === 0) continue;
    const rows = await ledgerSelect(tx)
      .where(and(...where, ...(part ? [inArray(claims.personId, part)] : [])))
      .orderBy(asc(claims.personId), asc(claims.claimDate), asc(claims.externalId));
    for (const r of rows) out.push({ ...r.claim, personName: r.personName, personDivision: r.personDivision, settlement: r.settlement });
  }
  return out;
}

export type CategorySpan = { personId: string; category: string; fromDate: string; toDate: string | null };

/** Consolidated category rows of these people that overlap [from, to]. */
export async function categorySpans(tx: Db | Tx, personIds: readonly string[], from: string, to: string): Promise<CategorySpan[]> {
  const out: CategorySpan[] = [];
  for (const part of chunks([...new Set(personIds)])) {
    const rows = await tx
      .select({ personId: personCategories.personId, category: personCategories.category, fromDate: personCategories.fromDate, toDate: personCategories.toDate })
      .from(personCategories)
      .where(and(inArray(personCategories.personId, part), lte(personCategories.fromDate, to), or(isNull(personCategories.toDate), gte(personCategories.toDate, from))))
      .orderBy(asc(personCategories.fromDate), asc(personCategories.id));
    out.push(...rows);
  }
  return out;
}

export async function insertSettlements(tx: Tx, rows: (typeof claimSettlements.$inferInsert)[]): Promise<void> {
  for (const part of chunks(rows)) await tx.insert(claimSettlements).values(part);
}

/** Marks the given current results superseded; history stays. */
export async function supersedeSettlements(tx: Tx, ids: readonly number[], at: Date): Promise<void> {
  for (const part of chunks(ids)) {
    await tx.update(claimSettlements).set({ supersededAt: at }).where(and(inArray(claimSettlements.id, part), isNull(claimSettlements.supersededAt)));
  }
}

/** Every division that has a policy activation (a handful: the county, the city). */
export async function activatedDivisions(db: Db | Tx): Promise<Set<string>> {
  const rows = await db.selectDistinct({ code: policyActivations.divisionCode }).from(policyActivations);
  return new Set(rows.map((r) => r.code));
}

/** Policy versions by id (the year view explains each claim under its own version). */
export async function policyVersionsByIds(db: Db | Tx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: policyVersions.id, policyId: policyVersions.policyId, version: policyVersions.version, name: policyVersions.name, status: policyVersions.status, record: policyVersions.record })
    .from(policyVersions)
    .where(inArray(policyVersions.id, [...ids]));
}

/** Years in which the person has claims, newest first. */
export async function claimYearsOf(db: Db | Tx, personId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: sql<number>`extract(year from ${claims.claimDate})::int` })
    .from(claims)
    .where(and(eq(claims.personId, personId), isNull(claims.supersededAt)));
  return rows.map((r) => r.year).sort((a, b) => b - a);
}

/** The latest imports made by users within the jurisdiction prefix. */
export async function recentClaimImports(db: Db, scopePrefix: string, limit: number) {
  return db
    .select({ id: claimImports.id, fileName: claimImports.fileName, rows: claimImports.rows, importedAt: claimImports.importedAt, importedBy: users.displayName })
    .from(claimImports)
    .innerJoin(users, eq(users.id, claimImports.importedBy))
    .where(like(users.jurisdiction, `${scopePrefix}%`))
    .orderBy(desc(claimImports.id))
    .limit(limit);
}
