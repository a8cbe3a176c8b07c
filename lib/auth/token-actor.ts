import "server-only";
import { createHash } from "node:crypto";
import { findActiveToken, touchToken } from "@/db/queries/api-tokens";
import type { Db } from "@/db";
import type { Actor } from "./domain/actor";
import { loadActiveUser } from "./resolve-session-user";
import { findUserById } from "@/db/queries/users";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The actor behind `Authorization: Bearer <token>`: the token's account,
 * reloaded like a session user (a disabled account's tokens stop at once),
 * with the token's actions as a further limit.
 */
export async function actorFromToken(
  db: Db,
  token: string,
  request: { ip: string | null; userAgent: string | null },
): Promise<{ actor: Actor; allowedActions: string[] } | null> {
  const row = await findActiveToken(db, hashToken(token));
  if (!row) return null;
  const account = await findUserById(db, row.userId);
  const user = account ? await loadActiveUser(db, { uid: account.id, sv: account.sessionVersion }) : null;
  if (!user) return null;
  await touchToken(db, row.id);
  return { actor: { kind: "api_token", user, ip: request.ip, userAgent: `${request.userAgent ?? ""} [token ${row.prefix}]`.trim() }, allowedActions: row.actions };
}
