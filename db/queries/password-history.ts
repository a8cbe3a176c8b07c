import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { passwordHistory, users } from "../schema";

/** The hashes of the user's current password and the earlier ones, newest first, `depth` in all. */
export async function recentPasswordHashes(db: Db | Tx, userId: string, depth: number): Promise<string[]> {
  const [current] = await db.select({ h: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  const earlier = await db
    .select({ h: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.id))
    .limit(Math.max(depth - 1, 0));
  return [...(current ? [current.h] : []), ...earlier.map((r) => r.h)];
}

/** Keeps the password being replaced, and deletes what lies beyond the `keep` newest. */
export async function pushPasswordHistory(tx: Db | Tx, userId: string, replacedHash: string, keep: number): Promise<void> {
  await tx.insert(passwordHistory).values({ userId, passwordHash: replacedHash });
  const [edge] = await tx
    .select({ id: passwordHistory.id })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.id))
    .offset(keep - 1)
    .limit(1);
  if (edge) await tx.delete(passwordHistory).where(and(eq(passwordHistory.userId, userId), lt(passwordHistory.id, edge.id)));
}

/** Marks the demo accounts' password as just set (seed/demo-passwords.ts): only rows still holding the given hash. */
export async function refreshPasswordDate(db: Db | Tx, userIds: string[], hash: string): Promise<number> {
  if (userIds.length === 0) return 0;
  const rows = await db
    .update(users)
    .set({ passwordChangedAt: sql`now()` })
    .where(and(inArray(users.id, userIds), eq(users.passwordHash, hash), eq(users.mustChangePassword, false)))
    .returning({ id: users.id });
  return rows.length;
}
