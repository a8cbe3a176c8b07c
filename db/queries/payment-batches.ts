import { and, asc, count, desc, eq, like, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { alias } from "drizzle-orm/pg-core";
import { applications, paymentBatches, paymentBatchLines, people, users } from "../schema";

// 支付批次 (docs/policy.md §6 step 4). A case has at most one live line — not
// failed, not removed (the partial unique index payment_batch_lines_one_live); a line is
// confirmed or failed only while it is still pending, by
// `UPDATE … WHERE status = 'pending'`, so two confirmations of the same line
// cannot both succeed.

type LineInsert = typeof paymentBatchLines.$inferInsert;
export type BatchStatus = (typeof paymentBatches.$inferSelect)["status"];

/**
 * The next 批次号 of a county and year, ZF-430524-2026-0001. Serialised per
 * county-year by a transaction-scoped advisory lock, as nextCaseNo is.
 */
export async function nextBatchNo(tx: Tx, countyCode: string, year: number): Promise<string> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`payment_batches:${countyCode}:${year}`}))`);
  const prefix = `ZF-${countyCode.slice(0, 6)}-${year}-`;
  const [row] = await tx.select({ n: count() }).from(paymentBatches).where(like(paymentBatches.batchNo, `${prefix}%`));
  return `${prefix}${String(Number(row?.n ?? 0) + 1).padStart(4, "0")}`;
}

export async function insertBatch(tx: Tx, row: typeof paymentBatches.$inferInsert): Promise<number> {
  const [created] = await tx.insert(paymentBatches).values(row).returning({ id: paymentBatches.id });
  return created!.id;
}

export async function insertBatchLine(tx: Tx, row: LineInsert): Promise<void> {
  await tx.insert(paymentBatchLines).values(row);
}

/** A case's approved amount and whether it already has a live line (the use case refuses before the index must). */
export async function payableFacts(db: Db | Tx, applicationId: string) {
  const [row] = await db
    .select({
      approvedAmount: applications.approvedAmount,
      liveLine: sql<boolean>`EXISTS (SELECT 1 FROM ${paymentBatchLines} l WHERE l.application_id = "applications"."id" AND l.status NOT IN ('failed', 'removed'))`,
    })
    .from(applications)
    .where(eq(applications.id, applicationId));
  return row ?? null;
}

export async function findBatch(db: Db | Tx, id: number) {
  const [row] = await db.select().from(paymentBatches).where(eq(paymentBatches.id, id));
  return row ?? null;
}

/** Marks an open batch sent (the file went to the bank); a sent or confirmed one stays as it is. */
export async function markBatchSent(tx: Tx, id: number): Promise<void> {
  await tx.update(paymentBatches).set({ status: "sent" }).where(and(eq(paymentBatches.id, id), eq(paymentBatches.status, "open")));
}

/** Once no line is pending the batch is confirmed (every line paid or returned). */
export async function settleBatchStatus(tx: Tx, id: number): Promise<BatchStatus> {
  const [row] = await tx
    .update(paymentBatches)
    .set({ status: "confirmed" })
    .where(
      and(
        eq(paymentBatches.id, id),
        sql`NOT EXISTS (SELECT 1 FROM ${paymentBatchLines} l WHERE l.batch_id = "payment_batches"."id" AND l.status = 'pending')`,
      ),
    )
    .returning({ status: paymentBatches.status });
  if (row) return row.status;
  return (await findBatch(tx, id))!.status;
}

const remover = alias(users, "remover");

/** The lines of a batch with what the file and the screens need (sealed columns as stored). */
export async function batchLines(db: Db | Tx, batchId: number) {
  return db
    .select({
      id: paymentBatchLines.id,
      applicationId: paymentBatchLines.applicationId,
      amount: paymentBatchLines.amount,
      status: paymentBatchLines.status,
      paidOn: paymentBatchLines.paidOn,
      bankReference: paymentBatchLines.bankReference,
      failureReason: paymentBatchLines.failureReason,
      removedReason: paymentBatchLines.removedReason,
      removedOn: paymentBatchLines.removedOn,
      removedByName: remover.displayName,
      caseNo: applications.caseNo,
      townshipCode: applications.townshipCode,
      name: people.name,
      bankHolderSealed: applications.bankHolderSealed,
      bankName: applications.bankName,
      bankAccountSealed: applications.bankAccountSealed,
      bankAccountTail: applications.bankAccountTail,
      bankAccountHead: applications.bankAccountHead,
    })
    .from(paymentBatchLines)
    .innerJoin(applications, eq(applications.id, paymentBatchLines.applicationId))
    .innerJoin(people, eq(people.id, applications.personId))
    .leftJoin(remover, eq(remover.id, paymentBatchLines.removedBy))
    .where(eq(paymentBatchLines.batchId, batchId))
    .orderBy(asc(paymentBatchLines.id));
}

/**
 * Settles a pending line as paid or failed. Returns false when the line is no
 * longer pending (someone confirmed or returned it first): the caller rolls back.
 */
export async function settleLine(
  tx: Tx,
  lineId: number,
  change: { status: "paid"; paidOn: string; bankReference: string } | { status: "failed"; failureReason: string },
): Promise<boolean> {
  const done = await tx
    .update(paymentBatchLines)
    .set(change)
    .where(and(eq(paymentBatchLines.id, lineId), eq(paymentBatchLines.status, "pending")))
    .returning({ id: paymentBatchLines.id });
  return done.length === 1;
}

/** Batches of the county (newest first) with their counts and totals. */
export async function listBatches(db: Db | Tx, prefix: string, limit = 200) {
  const rows = await db
    .select({
      id: paymentBatches.id,
      batchNo: paymentBatches.batchNo,
      createdOn: paymentBatches.createdOn,
      status: paymentBatches.status,
      // Removed lines (移出批次) stay as history on the batch page, outside the count and the total.
      lines: sql<number>`(count(${paymentBatchLines.id}) FILTER (WHERE ${paymentBatchLines.status} <> 'removed'))::int`,
      removed: sql<number>`(count(*) FILTER (WHERE ${paymentBatchLines.status} = 'removed'))::int`,
      paid: sql<number>`(count(*) FILTER (WHERE ${paymentBatchLines.status} = 'paid'))::int`,
      failed: sql<number>`(count(*) FILTER (WHERE ${paymentBatchLines.status} = 'failed'))::int`,
      // Returned lines are history, not money owed: the total is what is paid or still to pay.
      total: sql<string>`coalesce(sum(${paymentBatchLines.amount}) FILTER (WHERE ${paymentBatchLines.status} NOT IN ('failed', 'removed')), 0)::numeric(14,2)::text`,
    })
    .from(paymentBatches)
    .leftJoin(paymentBatchLines, eq(paymentBatchLines.batchId, paymentBatches.id))
    .where(like(paymentBatches.countyCode, `${prefix}%`))
    .groupBy(paymentBatches.id)
    .orderBy(desc(paymentBatches.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, lines: Number(r.lines), removed: Number(r.removed), paid: Number(r.paid), failed: Number(r.failed) }));
}

/** Approved cases under the division prefix with no live line: what a new batch may take. */
export async function listPayable(db: Db | Tx, prefix: string, limit = 500) {
  return db
    .select({
      id: applications.id,
      version: applications.version,
      caseNo: applications.caseNo,
      townshipCode: applications.townshipCode,
      name: people.name,
      approvedAmount: applications.approvedAmount,
      approvedOn: applications.approvedOn,
      dueOn: applications.dueOn,
      urgent: applications.urgent,
      bankName: applications.bankName,
      bankAccountTail: applications.bankAccountTail,
      bankAccountHead: applications.bankAccountHead,
    })
    .from(applications)
    .innerJoin(people, eq(people.id, applications.personId))
    .where(
      and(
        eq(applications.state, "approved"),
        like(applications.townshipCode, `${prefix}%`),
        sql`NOT EXISTS (SELECT 1 FROM ${paymentBatchLines} l WHERE l.application_id = "applications"."id" AND l.status NOT IN ('failed', 'removed'))`,
      ),
    )
    .orderBy(desc(applications.urgent), asc(applications.dueOn), asc(applications.caseNo))
    .limit(limit);
}

/** Every line a case has had (a failed one stays as history), with its batch. */
export async function linesOfApplication(db: Db | Tx, applicationId: string) {
  return db
    .select({
      id: paymentBatchLines.id,
      batchId: paymentBatches.id,
      batchNo: paymentBatches.batchNo,
      amount: paymentBatchLines.amount,
      status: paymentBatchLines.status,
      paidOn: paymentBatchLines.paidOn,
      bankReference: paymentBatchLines.bankReference,
      failureReason: paymentBatchLines.failureReason,
      removedReason: paymentBatchLines.removedReason,
      removedOn: paymentBatchLines.removedOn,
    })
    .from(paymentBatchLines)
    .innerJoin(paymentBatches, eq(paymentBatches.id, paymentBatchLines.batchId))
    .where(eq(paymentBatchLines.applicationId, applicationId))
    .orderBy(asc(paymentBatchLines.id));
}

/** Refusal and notification columns of one case. */
export async function refusalOf(db: Db | Tx, id: string) {
  const [row] = await db
    .select({
      id: applications.id,
      caseNo: applications.caseNo,
      state: applications.state,
      version: applications.version,
      townshipCode: applications.townshipCode,
      refusedOn: applications.refusedOn,
      notifiedOn: applications.notifiedOn,
      notifiedChannel: applications.notifiedChannel,
    })
    .from(applications)
    .where(eq(applications.id, id));
  return row ?? null;
}

/**
 * True when `err` is a violation of payment_batch_lines_one_live (the case
 * already has a live line), through drizzle's wrapping on either driver
 * (postgres.js names it `constraint_name`, PGlite `constraint`).
 */
export function isOneLiveLineViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const x = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown; message?: unknown };
    if (x.code !== "23505") continue;
    const name = String(x.constraint ?? x.constraint_name ?? x.message ?? "");
    if (name.includes("payment_batch_lines_one_live")) return true;
  }
  return false;
}

/** The batch's status under a row lock held to the end of `tx` (an export or a removal waits for the other). */
export async function lockBatch(tx: Tx, id: number): Promise<BatchStatus | null> {
  const [row] = await tx.select({ status: paymentBatches.status }).from(paymentBatches).where(eq(paymentBatches.id, id)).for("update");
  return row?.status ?? null;
}

/**
 * 移出批次: marks a pending line of the batch removed, with the reason, the day
 * and who — the row stays as the batch's history (and leaves the one-live-line
 * index, so the case can go into another batch). Returns false when it is no
 * longer there or no longer pending.
 */
export async function markLineRemoved(tx: Tx, batchId: number, lineId: number, by: { reason: string; on: string; userId: string | null }): Promise<boolean> {
  const done = await tx
    .update(paymentBatchLines)
    .set({ status: "removed", removedReason: by.reason, removedOn: by.on, removedBy: by.userId })
    .where(and(eq(paymentBatchLines.id, lineId), eq(paymentBatchLines.batchId, batchId), eq(paymentBatchLines.status, "pending")))
    .returning({ id: paymentBatchLines.id });
  return done.length === 1;
}

/**
 * 作废批次: an open batch whose every line was removed becomes cancelled.
 * Returns false when the batch is not open or still has a line that is not removed.
 */
export async function cancelEmptyBatch(tx: Tx, id: number, by: { reason: string; on: string; userId: string | null }): Promise<boolean> {
  const done = await tx
    .update(paymentBatches)
    .set({ status: "cancelled", cancelReason: by.reason, cancelledOn: by.on, cancelledBy: by.userId })
    .where(
      and(
        eq(paymentBatches.id, id),
        eq(paymentBatches.status, "open"),
        sql`NOT EXISTS (SELECT 1 FROM ${paymentBatchLines} l WHERE l.batch_id = "payment_batches"."id" AND l.status <> 'removed')`,
      ),
    )
    .returning({ id: paymentBatches.id });
  return done.length === 1;
}
