import { and, asc, eq, isNull } from "drizzle-orm";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { applications, noticeObjections } from "../schema";

// Objections (异议) to a published notice. The objector's name and contact
// are staff-only; nothing here is read by the public page.

type Q = Db | Tx;
export type NewObjection = typeof noticeObjections.$inferInsert;

export async function insertObjection(tx: Q, values: NewObjection): Promise<string> {
  const [row] = await tx.insert(noticeObjections).values(values).returning({ id: noticeObjections.id });
  return row!.id;
}

const columns = {
  id: noticeObjections.id,
  noticeId: noticeObjections.noticeId,
  applicationId: noticeObjections.applicationId,
  caseNo: applications.caseNo,
  objector: noticeObjections.objector,
  objectorContact: noticeObjections.objectorContact,
  content: noticeObjections.content,
  receivedOn: sql<string>`${noticeObjections.receivedOn}::text`,
  channel: noticeObjections.channel,
  outcome: noticeObjections.outcome,
  outcomeReason: noticeObjections.outcomeReason,
  handledOn: sql<string | null>`${noticeObjections.handledOn}::text`,
};

export async function findObjection(db: Q, id: string) {
  const [row] = await db.select(columns).from(noticeObjections).leftJoin(applications, eq(applications.id, noticeObjections.applicationId)).where(eq(noticeObjections.id, id));
  return row ?? null;
}

export async function listObjectionsOf(db: Q, noticeId: string) {
  return db
    .select(columns)
    .from(noticeObjections)
    .leftJoin(applications, eq(applications.id, noticeObjections.applicationId))
    .where(eq(noticeObjections.noticeId, noticeId))
    .orderBy(asc(noticeObjections.receivedOn), asc(noticeObjections.recordedAt));
}

/** Sets the outcome of an open objection; false when it was handled meanwhile. */
export async function handleObjectionIfOpen(tx: Q, id: string, patch: { outcome: "upheld" | "dismissed"; outcomeReason: string; handledBy: string | null; handledOn: string }): Promise<boolean> {
  const rows = await tx
    .update(noticeObjections)
    .set(patch)
    .where(and(eq(noticeObjections.id, id), isNull(noticeObjections.outcome)))
    .returning({ id: noticeObjections.id });
  return rows.length === 1;
}
