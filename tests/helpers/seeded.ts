import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { setupDatabase } from "@/db/setup";
import type { Actor } from "@/lib/auth/actor";
import type { UseCaseContext } from "@/lib/auth/context";
import { resolveSessionUser } from "@/lib/auth/resolve-session-user";
import { scratchDb, type DriverName, type Scratch } from "./scratch-db";

/** A scratch database with the demo county, as `npm start` leaves it. */
export async function seededDb(driver: DriverName): Promise<Scratch> {
  const s = await scratchDb(driver, { migrate: false });
  await setupDatabase(s.handle);
  return s;
}

/** The use-case context of a demo account, loaded the way a request loads it. */
export async function contextOf(s: Scratch, username: string): Promise<UseCaseContext> {
  const [row] = await s.handle.db.select().from(users).where(eq(users.username, username));
  const user = await resolveSessionUser(s.handle.db, { uid: row!.id, sv: row!.sessionVersion });
  if (!user) throw new Error(`${username} is not an active user`);
  const actor: Actor = { user, ip: "127.0.0.1", userAgent: "vitest" };
  return { db: s.handle.db, actor };
}
