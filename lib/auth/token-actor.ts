import "server-only";
import { createHash } from "node:crypto";
import { findActiveTokenWithAccount, touchToken } from "@/db/queries/api-tokens";
import type { Db } from "@/db";
import type { Actor } from "./domain/actor";
import { needsTouch } from "./domain/session-policy";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The actor behind `Authorization: Bearer <token>`: the token's account,
 * reloaded like a session user (a disabled account's tokens stop at once),
 * with the token's actions as a further limit. Its last use is recorded to
 * the minute (as a session's is): one UPDATE a minute per token, not one per
 * call, which made the calls of one token queue on its row. The token and
 * its account are read in one query (one round trip per call, not two).
 */
export async function actorFromToken(
  db: Db,
  token: string,
  request: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<{ actor: Actor; allowedActions: string[] } | null> {
  const found = await findActiveTokenWithAccount(db, hashToken(token));
  if (!found || found.user.status !== "active") return null;
  const { token: row, user } = found;
  if (!row.lastUsedAt || needsTouch(row.lastUsedAt, now)) await touchToken(db, row.id);
  return { actor: { kind: "api_token", user, ip: request.ip, userAgent: `${request.userAgent ?? ""} [token ${row.prefix}]`.trim() }, allowedActions: row.actions };
}
