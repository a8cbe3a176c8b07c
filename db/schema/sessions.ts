import { boolean, index, integer, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { users } from "./users";

// Server-side sessions. The signed session cookie (next-auth's JWT) carries
// only this row's id beside the user id and session version; a request is
// served only while the row is open, not idle past the idle limit and not
// older than the absolute limit (lib/auth/domain/session-policy.ts). Logout ends the
// row, so a copied or replayed cookie is refused at once: a cookie alone
// cannot be revoked, a row can.
export const userSessions = pgTable(
  "user_sessions",
  {
    id: varchar("id", { length: 64 }).primaryKey(),
    userId: uuid("user_id").notNull().references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedReason: text("ended_reason", { enum: ["logout", "idle", "absolute", "user_changed"] }),
    ip: text("ip"),
    // Opened by a correct password for a user with a second factor: nothing is
    // served until a code from the app (or a recovery code) is accepted
    // (lib/auth/verify-second-factor.ts).
    awaitingSecondFactor: boolean("awaiting_second_factor").notNull().default(false),
  },
  (t) => [index("user_sessions_user").on(t.userId)],
);

// Failed-login counters, one row per key: "user:<name as typed>" for the
// account lock and "ip:<address>" for the per-address throttle. Keyed by the
// name as typed, not by the account, so an unknown name locks exactly like a
// known one and the answer never tells which names exist.
export const loginGuards = pgTable("login_guards", {
  key: varchar("key", { length: 120 }).primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

export type UserSessionRow = typeof userSessions.$inferSelect;
export type LoginGuardRow = typeof loginGuards.$inferSelect;
