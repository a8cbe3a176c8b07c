import { and, desc, eq, isNull, like } from "drizzle-orm";
import { apiTokens, users } from "../schema";
import type { Db, Tx } from "../client";

// Administration of API tokens. Only a token's SHA-256 and its first
// characters are stored; nothing here ever returns the hash.

export async function insertApiToken(
  tx: Db | Tx,
  row: { name: string; tokenHash: string; prefix: string; actions: string[]; userId: string; createdBy: string | null },
): Promise<number> {
  const [created] = await tx.insert(apiTokens).values(row).returning({ id: apiTokens.id });
  return created!.id;
}

const listed = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  actions: apiTokens.actions,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
  accountId: users.id,
  accountUsername: users.username,
  accountName: users.displayName,
  accountJurisdiction: users.jurisdiction,
  accountStatus: users.status,
};

/** Tokens whose account lies within the administrator's scope, newest first. */
export async function listApiTokensWithin(db: Db | Tx, scopePrefix: string) {
  return db
    .select(listed)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(like(users.jurisdiction, `${scopePrefix}%`))
    .orderBy(desc(apiTokens.id));
}

export async function findApiToken(db: Db | Tx, id: number) {
  const [row] = await db.select(listed).from(apiTokens).innerJoin(users, eq(users.id, apiTokens.userId)).where(eq(apiTokens.id, id)).limit(1);
  return row;
}

/** Marks the token revoked; false when it already was (nothing written). */
export async function revokeApiTokenRow(tx: Db | Tx, id: number): Promise<boolean> {
  const rows = await tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}
