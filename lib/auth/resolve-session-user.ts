import { findUserById } from "@/db/queries/users";
import type { Db } from "@/db";
import type { SessionUser } from "./actor";

/**
 * Reloads the session's user from the database. The session token carries only
 * the user id and the session version; a disabled user, a deleted one, or one
 * whose version moved on (role, department, jurisdiction or password changed)
 * is signed out at once.
 */
export async function resolveSessionUser(
  db: Db,
  session: { uid?: unknown; sv?: unknown } | null | undefined,
): Promise<SessionUser | null> {
  if (!session || typeof session.uid !== "string" || typeof session.sv !== "number") return null;
  const row = await findUserById(db, session.uid);
  if (!row || row.status !== "active" || row.sessionVersion !== session.sv) return null;
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    department: row.department,
    role: row.role,
    jurisdiction: row.jurisdiction,
    status: row.status,
  };
}
