import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { setupDatabase } from "@/seed/setup-database";
import type { Actor } from "@/lib/auth/domain/actor";
import type { UseCaseContext } from "@/lib/auth/context";
import { loadActiveUser } from "@/lib/auth/resolve-session-user";
import { scratchDb, type DriverName, type Scratch } from "./scratch-db";

/**
 * A scratch database with reference data and the base of the demo county
 * (divisions, accounts, 3,000 residents). `full: true` adds every demo step
 * (rosters, enrolment, claims …), as `npm start` leaves it — slower, so only
 * for tests of the demo data itself.
 */
export async function seededDb(driver: DriverName, opts: { full?: boolean } = {}): Promise<Scratch> {
  const s = await scratchDb(driver, { migrate: false });
  await setupDatabase(s.handle, opts.full ? {} : { kinds: ["reference", "demo-base"] });
  return s;
}

/** The use-case context of a demo account, loaded the way a request loads it. */
export async function contextOf(s: Scratch, username: string): Promise<UseCaseContext> {
  const [row] = await s.handle.db.select().from(users).where(eq(users.username, username));
  const user = await loadActiveUser(s.handle.db, { uid: row!.id, sv: row!.sessionVersion });
  if (!user) throw new Error(`${username} is not an active user`);
  const actor: Actor = { kind: "user", user, ip: "127.0.0.1", userAgent: "vitest" };
  return { db: s.handle.db, actor };
}
