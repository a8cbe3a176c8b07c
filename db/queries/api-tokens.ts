import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { apiTokens, type ApiTokenRow } from "../schema";
import type { Db, Tx } from "../client";

export async function findActiveToken(db: Db, tokenHash: string): Promise<ApiTokenRow | undefined> {
  const [row] = await db.select().from(apiTokens).where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt))).limit(1);
  return row;
}

/**
 * Records a use of the token, unless one was recorded within the last minute:
 * calls that arrive together (a case system's workers share one token) would
 * otherwise queue on the row's lock, each for its own UPDATE.
 */
export async function touchToken(db: Db | Tx, id: number): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`))));
}
