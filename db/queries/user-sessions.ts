import { and, eq, isNull, ne, sql, type Placeholder } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { preparedOn } from "./prepared";
import { users, userSessions, type UserRow, type UserSessionRow } from "../schema";

export async function insertSession(
  db: Db | Tx,
  row: { id: string; userId: string; ip: string | null; now: Date; awaitingSecondFactor?: boolean },
): Promise<void> {
  await db
    .insert(userSessions)
    .values({ id: row.id, userId: row.userId, ip: row.ip, createdAt: row.now, lastSeenAt: row.now, awaitingSecondFactor: row.awaitingSecondFactor ?? false });
}

export async function findSession(db: Db | Tx, id: string): Promise<UserSessionRow | undefined> {
  const [row] = await db.select().from(userSessions).where(eq(userSessions.id, id)).limit(1);
  return row;
}

/** A session and its user in one round trip (every signed-in request asks this first); the user is null if deleted. */
export async function findSessionWithUser(db: Db | Tx, id: string): Promise<{ session: UserSessionRow; user: UserRow | null } | undefined> {
  const prepared = preparedOn(db, "find_session_with_user", buildFindSessionWithUser);
  const [row] = prepared ? await prepared.execute({ id }) : await sessionWithUser(db, id);
  return row;
}

function sessionWithUser(db: Db | Tx, id: string | Placeholder) {
  return db.select({ session: userSessions, user: users }).from(userSessions).leftJoin(users, eq(users.id, userSessions.userId)).where(eq(userSessions.id, id)).limit(1);
}

function buildFindSessionWithUser(db: Db) {
  return sessionWithUser(db, sql.placeholder("id")).prepare("portal_find_session_with_user");
}

export async function touchSession(db: Db | Tx, id: string, now: Date): Promise<void> {
  await db.update(userSessions).set({ lastSeenAt: now }).where(and(eq(userSessions.id, id), isNull(userSessions.endedAt)));
}

/** Ends an open session; returns whether it was open. */
export async function endSession(db: Db | Tx, id: string, reason: NonNullable<UserSessionRow["endedReason"]>, now: Date): Promise<boolean> {
  const rows = await db
    .update(userSessions)
    .set({ endedAt: now, endedReason: reason })
    .where(and(eq(userSessions.id, id), isNull(userSessions.endedAt)))
    .returning({ id: userSessions.id });
  return rows.length > 0;
}

export async function countOpenSessions(db: Db | Tx, userId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(userSessions).where(and(eq(userSessions.userId, userId), isNull(userSessions.endedAt)));
  return row?.n ?? 0;
}

/** Ends every open session of the user but the one kept (after a password change); returns how many ended. */
export async function endOtherSessions(db: Db | Tx, userId: string, keepId: string | null, now = new Date()): Promise<number> {
  const rows = await db
    .update(userSessions)
    .set({ endedAt: now, endedReason: "user_changed" })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.endedAt), keepId ? ne(userSessions.id, keepId) : undefined))
    .returning({ id: userSessions.id });
  return rows.length;
}
