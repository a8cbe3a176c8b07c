import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/domain/actor";
import { DEMO_ACCOUNTS } from "@/lib/demo/demo-accounts";
import { demoAccountsHash } from "./demo-password";

// The demo steps act as the demo accounts, loaded the way a request loads its
// user, so every row they write is attributed and audited like a clerk's.

/** Adds the given DEMO_ACCOUNTS that a demo database made by an older version lacks (the base step ran before they existed). */
export async function ensureDemoAccounts(db: Db, usernames: readonly string[]): Promise<void> {
  const have = new Set((await db.select({ u: users.username }).from(users).where(inArray(users.username, [...usernames]))).map((r) => r.u));
  const missing = DEMO_ACCOUNTS.filter((a) => usernames.includes(a.username) && !have.has(a.username));
  if (missing.length === 0) return;
  const passwordHash = await demoAccountsHash();
  await db.insert(users).values(missing.map((a) => ({ ...a, passwordHash }))).onConflictDoNothing();
}

/** Actors of the named active demo accounts; asking for another throws. */
export async function demoActors(db: Db, usernames: readonly string[]): Promise<(username: string) => Actor> {
  const rows = await db.select().from(users).where(and(inArray(users.username, [...usernames]), eq(users.status, "active")));
  const actors = new Map<string, Actor>(
    rows.map((u) => [
      u.username,
      {
        kind: "user",
        user: { id: u.id, username: u.username, displayName: u.displayName, department: u.department, role: u.role, jurisdiction: u.jurisdiction, status: u.status },
        ip: null,
        userAgent: "demo seed",
      },
    ]),
  );
  return (username) => {
    const actor = actors.get(username);
    if (!actor) throw new Error(`demo account ${username} is missing`);
    return actor;
  };
}

/** A clock fixed at 10:00 Beijing time on the given date (the demo steps' working hours). */
export const atBeijing10 = (on: string) => () => new Date(`${on}T02:00:00Z`);
