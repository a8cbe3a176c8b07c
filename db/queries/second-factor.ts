import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { divisions, userRecoveryCodes, userSessions, userTotp, users, type UserRecoveryCodeRow, type UserTotpRow } from "../schema";

// The TOTP second factor's rows (db/schema/second-factor.ts). The secret
// arrives and leaves sealed; recovery codes arrive and leave hashed.

export async function findTotp(db: Db | Tx, userId: string): Promise<UserTotpRow | undefined> {
  const [row] = await db.select().from(userTotp).where(eq(userTotp.userId, userId)).limit(1);
  return row;
}

/** Whether the user has a confirmed second factor. */
export async function totpEnabled(db: Db | Tx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ enabledAt: userTotp.enabledAt })
    .from(userTotp)
    .where(eq(userTotp.userId, userId))
    .limit(1);
  return !!row?.enabledAt;
}

/** A fresh secret for an enrolment not yet confirmed (replaces an earlier unconfirmed one; never a confirmed one). */
export async function savePendingTotp(db: Db | Tx, userId: string, secretSealed: string): Promise<boolean> {
  const rows = await db
    .insert(userTotp)
    .values({ userId, secretSealed })
    .onConflictDoUpdate({ target: userTotp.userId, set: { secretSealed, lastStep: null, createdAt: sql`now()` }, setWhere: isNull(userTotp.enabledAt) })
    .returning({ userId: userTotp.userId });
  return rows.length > 0;
}

/**
 * Takes a time step for the user: true when it is later than the last one
 * accepted, and then records it. The condition is in the UPDATE, so two
 * requests with the same code cannot both pass.
 */
export async function takeTotpStep(db: Db | Tx, userId: string, step: number, enable?: Date): Promise<boolean> {
  const rows = await db
    .update(userTotp)
    .set({ lastStep: step, ...(enable ? { enabledAt: enable } : {}) })
    .where(and(eq(userTotp.userId, userId), or(isNull(userTotp.lastStep), lt(userTotp.lastStep, step))))
    .returning({ userId: userTotp.userId });
  return rows.length > 0;
}

/** Removes the second factor and its recovery codes; returns whether one was enabled. */
export async function deleteSecondFactor(tx: Tx, userId: string): Promise<boolean> {
  await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
  const rows = await tx.delete(userTotp).where(eq(userTotp.userId, userId)).returning({ enabledAt: userTotp.enabledAt });
  return !!rows[0]?.enabledAt;
}

/** Replaces the user's recovery codes with new ones (salt and hash only). */
export async function replaceRecoveryCodes(tx: Tx, userId: string, codes: readonly { salt: string; codeHash: string }[]): Promise<void> {
  await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
  if (codes.length) await tx.insert(userRecoveryCodes).values(codes.map((c) => ({ userId, ...c })));
}

export async function unusedRecoveryCodes(db: Db | Tx, userId: string): Promise<Pick<UserRecoveryCodeRow, "id" | "salt" | "codeHash">[]> {
  return db
    .select({ id: userRecoveryCodes.id, salt: userRecoveryCodes.salt, codeHash: userRecoveryCodes.codeHash })
    .from(userRecoveryCodes)
    .where(and(eq(userRecoveryCodes.userId, userId), isNull(userRecoveryCodes.usedAt)));
}

/** Marks a recovery code used; false when it was used meanwhile (the same code twice at once). */
export async function spendRecoveryCode(db: Db | Tx, id: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(userRecoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(userRecoveryCodes.id, id), isNull(userRecoveryCodes.usedAt)))
    .returning({ id: userRecoveryCodes.id });
  return rows.length > 0;
}

export async function countUnusedRecoveryCodes(db: Db | Tx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(userRecoveryCodes)
    .where(and(eq(userRecoveryCodes.userId, userId), isNull(userRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/** The session may now be used: its second factor was accepted. */
export async function passSecondFactor(db: Db | Tx, sessionId: string): Promise<boolean> {
  const rows = await db
    .update(userSessions)
    .set({ awaitingSecondFactor: false })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.endedAt), eq(userSessions.awaitingSecondFactor, true)))
    .returning({ id: userSessions.id });
  return rows.length > 0;
}

/**
 * Whether this database holds the demo county (its division and a demo
 * account; the same test as seed/steps.ts isDemoDatabase): there, unless
 * REQUIRE_ADMIN_TOTP says otherwise, administrators are not forced to enrol.
 */
export async function holdsDemoCounty(db: Db | Tx): Promise<boolean> {
  const [county] = await db.select({ code: divisions.code }).from(divisions).where(eq(divisions.code, "430524000000")).limit(1);
  if (!county) return false;
  const [clerk] = await db.select({ id: users.id }).from(users).where(eq(users.username, "yibao.clerk")).limit(1);
  return !!clerk;
}
