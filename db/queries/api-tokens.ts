import { and, eq, isNull, lt, or, sql, type Placeholder } from "drizzle-orm";
import { apiTokens, users } from "../schema";
import type { Db, Tx } from "../client";
import { preparedOn } from "./prepared";
import { accountColumns } from "./users";

/**
 * An unrevoked token and its account in one round trip (every API call asks
 * this first): the token's id, prefix, actions and last use, and the account's
 * fields a SessionUser carries. The caller checks the account's status.
 */
export async function findActiveTokenWithAccount(db: Db | Tx, tokenHash: string) {
  const prepared = preparedOn(db, "find_active_token_with_account", (d) => tokenWithAccount(d, sql.placeholder("tokenHash")).prepare("portal_find_active_token_with_account"));
  const [row] = prepared ? await prepared.execute({ tokenHash }) : await tokenWithAccount(db, tokenHash);
  return row;
}

function tokenWithAccount(db: Db | Tx, tokenHash: string | Placeholder) {
  return db
    .select({
      token: { id: apiTokens.id, prefix: apiTokens.prefix, actions: apiTokens.actions, lastUsedAt: apiTokens.lastUsedAt },
      user: accountColumns,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .limit(1);
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
