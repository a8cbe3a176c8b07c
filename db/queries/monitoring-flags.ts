import { and, asc, desc, eq, like, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { applications, claims, monitoringFlags, people } from "../schema";
import { currentDivisionName, townshipNameOf } from "./division-names";

// The monitoring worklist (lib/monitoring/list-flags.ts) and a flag's page:
// the jurisdiction's prefix is always in the WHERE clause, so a forgotten
// check returns nothing rather than another township's flags.

export type FlagFilter = {
  scopePrefix: string;
  status?: "open" | "closed";
  townshipPrefix?: string;
  ruleId?: string;
  year?: number;
  order: "excess" | "oldest";
  limit: number;
  offset: number;
};

const excess = sql<string>`(${monitoringFlags.latestFigure} - ${monitoringFlags.threshold})`;

const flagColumns = {
  id: monitoringFlags.id,
  personId: monitoringFlags.personId,
  personName: people.name,
  divisionCode: people.divisionCode,
  villageName: currentDivisionName(people.divisionCode),
  townshipName: townshipNameOf(people.divisionCode),
  year: monitoringFlags.year,
  ruleId: monitoringFlags.ruleId,
  category: monitoringFlags.category,
  figure: monitoringFlags.figure,
  threshold: monitoringFlags.threshold,
  latestFigure: monitoringFlags.latestFigure,
  latestFlagged: monitoringFlags.latestFlagged,
  basis: monitoringFlags.basis,
  raisedOn: sql<string>`${monitoringFlags.raisedOn}::text`,
  evaluatedOn: sql<string>`${monitoringFlags.evaluatedOn}::text`,
  status: monitoringFlags.status,
  outcome: monitoringFlags.outcome,
  outcomeReason: monitoringFlags.outcomeReason,
  closedOn: sql<string | null>`${monitoringFlags.closedOn}::text`,
  applicationId: monitoringFlags.applicationId,
  caseNo: applications.caseNo,
};

export type FlagRow = Awaited<ReturnType<typeof listFlagsWithin>>["rows"][number];

export async function listFlagsWithin(db: Db | Tx, f: FlagFilter) {
  const where: SQL[] = [like(people.divisionCode, `${f.scopePrefix}%`)];
  if (f.townshipPrefix) where.push(like(people.divisionCode, `${f.townshipPrefix}%`));
  if (f.status) where.push(eq(monitoringFlags.status, f.status));
  if (f.ruleId) where.push(eq(monitoringFlags.ruleId, f.ruleId));
  if (f.year) where.push(eq(monitoringFlags.year, f.year));
  const order =
    f.order === "oldest"
      ? [asc(monitoringFlags.raisedOn), desc(excess), asc(monitoringFlags.id)]
      : [desc(excess), asc(monitoringFlags.raisedOn), asc(monitoringFlags.id)];
  const rows = await db
    .select(flagColumns)
    .from(monitoringFlags)
    .innerJoin(people, eq(people.id, monitoringFlags.personId))
    .leftJoin(applications, eq(applications.id, monitoringFlags.applicationId))
    .where(and(...where))
    .orderBy(...order)
    .limit(f.limit + 1)
    .offset(f.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(monitoringFlags)
    .innerJoin(people, eq(people.id, monitoringFlags.personId))
    .where(and(...where));
  return { rows: rows.slice(0, f.limit), hasMore: rows.length > f.limit, total: Number(count?.n ?? 0) };
}

/** The rules that have flags in the jurisdiction (the worklist's rule filter). */
export async function flagRulesWithin(db: Db | Tx, scopePrefix: string): Promise<{ ruleId: string; basis: string }[]> {
  return db
    .select({ ruleId: monitoringFlags.ruleId, basis: sql<string>`min(${monitoringFlags.basis})` })
    .from(monitoringFlags)
    .innerJoin(people, eq(people.id, monitoringFlags.personId))
    .where(like(people.divisionCode, `${scopePrefix}%`))
    .groupBy(monitoringFlags.ruleId)
    .orderBy(asc(monitoringFlags.ruleId));
}

/** One flag with its person's place, whatever the jurisdiction: callers check `divisionCode` and audit a refusal. */
export async function findFlag(db: Db | Tx, id: number) {
  const [row] = await db
    .select({ ...flagColumns, claimIds: monitoringFlags.claimIds, policyVersionId: monitoringFlags.policyVersionId })
    .from(monitoringFlags)
    .innerJoin(people, eq(people.id, monitoringFlags.personId))
    .leftJoin(applications, eq(applications.id, monitoringFlags.applicationId))
    .where(eq(monitoringFlags.id, id))
    .limit(1);
  return row;
}

/** The claims behind a flag, for its page (date, hospital, costs). */
export async function claimsOfFlag(db: Db | Tx, claimIds: readonly string[]) {
  if (claimIds.length === 0) return [];
  return db
    .select({
      id: claims.id,
      externalId: claims.externalId,
      claimDate: sql<string>`${claims.claimDate}::text`,
      hospitalName: claims.hospitalName,
      totalCost: claims.totalCost,
      policyScopeCost: claims.policyScopeCost,
    })
    .from(claims)
    .where(sql`${claims.id} in (${sql.join(claimIds.map((id) => sql`${id}::uuid`), sql`, `)})`)
    .orderBy(asc(claims.claimDate), asc(claims.id));
}

/** Closes an open flag; false when it was closed meanwhile (nothing written). */
export async function closeFlag(
  tx: Tx,
  id: number,
  close: { outcome: "assistance_granted" | "application_opened" | "category_assigned" | "dismissed"; reason: string | null; on: string; by: string | null; applicationId?: string },
): Promise<boolean> {
  const done = await tx
    .update(monitoringFlags)
    .set({ status: "closed", outcome: close.outcome, outcomeReason: close.reason, closedOn: close.on, closedBy: close.by, applicationId: close.applicationId ?? null })
    .where(and(eq(monitoringFlags.id, id), eq(monitoringFlags.status, "open")))
    .returning({ id: monitoringFlags.id });
  return done.length > 0;
}
