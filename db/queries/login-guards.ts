import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { loginGuards } from "../schema";
import type { GuardState } from "@/lib/auth/domain/session-policy";

// Failed-login counters by key ("user:<name>", "ip:<address>").

export async function findGuard(db: Db | Tx, key: string): Promise<GuardState | null> {
  const [row] = await db.select().from(loginGuards).where(eq(loginGuards.key, key)).limit(1);
  return row ? { failures: row.failures, windowStartedAt: row.windowStartedAt, lockedUntil: row.lockedUntil } : null;
}

/** The counter, locked for this transaction (created first so that two first failures cannot both miss it). */
export async function lockGuard(tx: Tx, key: string): Promise<GuardState | null> {
  await tx.insert(loginGuards).values({ key, failures: 0 }).onConflictDoNothing();
  const [row] = await tx.select().from(loginGuards).where(eq(loginGuards.key, key)).for("update");
  if (!row || (row.failures === 0 && row.lockedUntil === null)) return null;
  return { failures: row.failures, windowStartedAt: row.windowStartedAt, lockedUntil: row.lockedUntil };
}

export async function saveGuard(tx: Tx, key: string, state: GuardState): Promise<void> {
  await tx
    .update(loginGuards)
    .set({ failures: state.failures, windowStartedAt: state.windowStartedAt, lockedUntil: state.lockedUntil })
    .where(eq(loginGuards.key, key));
}

export async function clearGuard(db: Db | Tx, key: string): Promise<void> {
  await db.delete(loginGuards).where(eq(loginGuards.key, key));
}

/** Counters that have long stopped mattering (no lock, nothing for a day): kept small for addresses and unknown names. */
export async function sweepGuards(db: Db | Tx, before: Date): Promise<void> {
  await db.delete(loginGuards).where(sql`${loginGuards.windowStartedAt} < ${before} and (${loginGuards.lockedUntil} is null or ${loginGuards.lockedUntil} < ${before})`);
}
