import { and, eq, isNull, sql } from "drizzle-orm";
import { apiTokens, type ApiTokenRow } from "../schema";
import type { Db, Tx } from "../client";

export async function findActiveToken(db: Db, tokenHash: string): Promise<ApiTokenRow | undefined> {
  const [row] = await db.select().from(apiTokens).where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt))).limit(1);
  return row;
}

export async function touchToken(db: Db | Tx, id: number): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, id));
}
