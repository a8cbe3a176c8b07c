import { and, asc, desc, eq, inArray, isNull, like, ne, or, sql } from "drizzle-orm";
import { divisions, policyActivations, policyVersions, users, type PolicyVersionRow } from "../schema";
import type { Db, Tx } from "../client";

// Policy versions and their activations. A version's rules are written only
// while it is a draft; once activated, the only change is the closing date a
// successor sets (checkNewVersion), so history is never overwritten.

const summary = {
  id: policyVersions.id,
  policyId: policyVersions.policyId,
  version: policyVersions.version,
  name: policyVersions.name,
  basedOn: policyVersions.basedOn,
  status: policyVersions.status,
  note: policyVersions.note,
  createdAt: policyVersions.createdAt,
  effectiveFrom: sql<string>`${policyVersions.record}->>'effectiveFrom'`,
  effectiveTo: sql<string | null>`${policyVersions.record}->>'effectiveTo'`,
  regionName: sql<string>`${policyVersions.record}#>>'{region,name}'`,
  createdByName: users.displayName,
};
export type PolicyVersionSummary = Awaited<ReturnType<typeof listPolicyVersionSummaries>>[number];

/** Every version of every policy, without the records, by policy id then version. */
export async function listPolicyVersionSummaries(db: Db | Tx) {
  return db
    .select(summary)
    .from(policyVersions)
    .leftJoin(users, eq(users.id, policyVersions.createdBy))
    .orderBy(asc(policyVersions.policyId), asc(policyVersions.version));
}

/** One version with its record and who made it (with their jurisdiction, for draft edits). */
export async function findPolicyVersion(db: Db | Tx, policyId: string, version: number) {
  const [row] = await db
    .select({ version: policyVersions, createdByName: users.displayName, creatorJurisdiction: users.jurisdiction })
    .from(policyVersions)
    .leftJoin(users, eq(users.id, policyVersions.createdBy))
    .where(and(eq(policyVersions.policyId, policyId), eq(policyVersions.version, version)))
    .limit(1);
  return row ? { ...row.version, createdByName: row.createdByName, creatorJurisdiction: row.creatorJurisdiction } : undefined;
}

export async function findPolicyVersionById(db: Db | Tx, id: number): Promise<PolicyVersionRow | undefined> {
  const [row] = await db.select().from(policyVersions).where(eq(policyVersions.id, id)).limit(1);
  return row;
}

/** Every version of one policy id, oldest first (records included). */
export async function versionsOfPolicy(db: Db | Tx, policyId: string): Promise<PolicyVersionRow[]> {
  return db.select().from(policyVersions).where(eq(policyVersions.policyId, policyId)).orderBy(asc(policyVersions.version));
}

/** Versions that have been activated at least once (never drafts), oldest first. */
export async function publishedVersionsOf(db: Db | Tx, policyId: string): Promise<PolicyVersionRow[]> {
  return db
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.policyId, policyId), ne(policyVersions.status, "draft")))
    .orderBy(asc(policyVersions.version));
}

/** Ids of policies with at least one published version, for "known policies" messages. */
export async function publishedPolicyIds(db: Db | Tx): Promise<string[]> {
  const rows = await db
    .selectDistinct({ policyId: policyVersions.policyId })
    .from(policyVersions)
    .where(ne(policyVersions.status, "draft"))
    .orderBy(asc(policyVersions.policyId));
  return rows.map((r) => r.policyId);
}

/**
 * Serialises version numbering and activation: two managers copying into one
 * policy id get versions n+1 and n+2, and two activations never check their
 * dates against each other's stale history. 0x504f ("PO") only names the lock.
 */
export async function lockPolicyVersions(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${0x504f}::bigint)`);
}

export async function maxVersion(db: Db | Tx, policyId: string): Promise<number> {
  const [row] = await db
    .select({ v: sql<number | null>`max(${policyVersions.version})` })
    .from(policyVersions)
    .where(eq(policyVersions.policyId, policyId));
  return Number(row?.v ?? 0);
}

export type NewPolicyVersion = {
  policyId: string;
  version: number;
  name: string;
  basedOn: string | null;
  record: Record<string, unknown>;
  status: "draft" | "active";
  note: string | null;
  createdBy: string | null;
};

export async function insertPolicyVersion(tx: Db | Tx, row: NewPolicyVersion): Promise<PolicyVersionRow> {
  const [created] = await tx.insert(policyVersions).values(row).returning();
  return created!;
}

/** Inserts each version unless its (policy id, version) exists; returns the policy ids stored. */
export async function insertVersionsIfMissing(tx: Db | Tx, rows: readonly NewPolicyVersion[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const stored = await tx.insert(policyVersions).values([...rows]).onConflictDoNothing().returning({ policyId: policyVersions.policyId });
  return stored.map((r) => r.policyId);
}

/** Rewrites a draft; returns false when the version is no longer a draft (nothing written). */
export async function updateDraft(tx: Tx, id: number, change: { record: Record<string, unknown>; name: string; note: string | null }): Promise<boolean> {
  const rows = await tx
    .update(policyVersions)
    .set(change)
    .where(and(eq(policyVersions.id, id), eq(policyVersions.status, "draft")))
    .returning({ id: policyVersions.id });
  return rows.length > 0;
}

/** Publishes a draft, or closes a predecessor (its closing date in the record, status retired). */
export async function setVersionState(tx: Tx, id: number, change: { status: "active" | "retired"; record?: Record<string, unknown> }): Promise<void> {
  await tx.update(policyVersions).set(change).where(eq(policyVersions.id, id));
}

export async function insertActivation(tx: Tx, row: { divisionCode: string; versionId: number; activeFrom: string; activatedBy: string | null }) {
  const [created] = await tx.insert(policyActivations).values(row).returning();
  return created!;
}

/**
 * Activations a user may see: those of the divisions above them (what applies
 * to their region) and within their jurisdiction. Newest first per division.
 */
export async function listActivationsVisible(db: Db | Tx, opts: { chain: readonly string[]; scopePrefix: string; versionId?: number }) {
  const where = [or(inArray(policyActivations.divisionCode, [...opts.chain]), like(policyActivations.divisionCode, `${opts.scopePrefix}%`))];
  if (opts.versionId !== undefined) where.push(eq(policyActivations.versionId, opts.versionId));
  return db
    .select({
      id: policyActivations.id,
      versionId: policyActivations.versionId,
      divisionCode: policyActivations.divisionCode,
      divisionName: divisions.name,
      activeFrom: policyActivations.activeFrom,
      activatedAt: policyActivations.activatedAt,
      activatedByName: users.displayName,
    })
    .from(policyActivations)
    .leftJoin(divisions, and(eq(divisions.code, policyActivations.divisionCode), isNull(divisions.validTo)))
    .leftJoin(users, eq(users.id, policyActivations.activatedBy))
    .where(and(...where))
    .orderBy(asc(policyActivations.divisionCode), desc(policyActivations.activeFrom), desc(policyActivations.id));
}

/** Versions activated at some time in one of these divisions (a region's own versions), newest first. */
export async function versionsActivatedIn(db: Db | Tx, chain: readonly string[]): Promise<PolicyVersionRow[]> {
  if (chain.length === 0) return [];
  const ids = db.selectDistinct({ id: policyActivations.versionId }).from(policyActivations).where(inArray(policyActivations.divisionCode, [...chain]));
  return db
    .select()
    .from(policyVersions)
    .where(inArray(policyVersions.id, ids))
    .orderBy(asc(policyVersions.policyId), desc(policyVersions.version));
}

export async function hasActivationIn(db: Db | Tx, divisionCode: string): Promise<boolean> {
  const [row] = await db.select({ id: policyActivations.id }).from(policyActivations).where(eq(policyActivations.divisionCode, divisionCode)).limit(1);
  return row !== undefined;
}
