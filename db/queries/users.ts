import { asc, eq, like, sql } from "drizzle-orm";
import { users, type NewUserRow, type UserRow } from "../schema";
import type { Db, Tx } from "../client";

export async function findUserById(db: Db | Tx, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function findUserByUsername(db: Db | Tx, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return row;
}

/** Users whose jurisdiction lies within the admin's own scope. */
/** An account as the permission checks see it (who, which department × role, where, whether active); no secrets. */
export const accountColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  department: users.department,
  role: users.role,
  jurisdiction: users.jurisdiction,
  status: users.status,
};

export async function listUsersWithin(db: Db, scopePrefix: string) {
  return db
    .select({ ...accountColumns, updatedAt: users.updatedAt })
    .from(users)
    .where(like(users.jurisdiction, `${scopePrefix}%`))
    .orderBy(asc(users.department), asc(users.username));
}

export async function insertUser(tx: Db | Tx, row: NewUserRow): Promise<UserRow> {
  const [created] = await tx.insert(users).values(row).returning();
  return created!;
}

type UserChange = Partial<Pick<UserRow, "displayName" | "department" | "role" | "jurisdiction" | "status" | "passwordHash" | "mustChangePassword">>;

/** Applies the change and, when `endSessions`, bumps the session version so every open session ends at once. */
export async function updateUser(tx: Db | Tx, id: string, change: UserChange, endSessions: boolean): Promise<UserRow> {
  const [row] = await tx
    .update(users)
    .set({
      ...change,
      ...(change.passwordHash ? { passwordChangedAt: sql`now()` } : {}),
      updatedAt: sql`now()`,
      ...(endSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
    })
    .where(eq(users.id, id))
    .returning();
  return row!;
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

/**
 * The deployment's home division: the broadest jurisdiction held by an
 * administrator. The command line works over it.
 */
export async function homeDivision(db: Db | Tx): Promise<string | null> {
  const [row] = await db
    .select({ j: users.jurisdiction })
    .from(users)
    .where(eq(users.role, "admin"))
    .orderBy(sql`length(rtrim(${users.jurisdiction}, '0'))`, asc(users.createdAt))
    .limit(1);
  return row?.j ?? null;
}
