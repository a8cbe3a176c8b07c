import { jsonb, pgTable, serial, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { users } from "./users";

// Tokens an administrator issues to other systems (e.g. a hospital's billing
// system calling /api/v1/settlement). Only a SHA-256 of the token is stored;
// the token is shown once. A token acts as its account (a service user such as
// "hospital.api", so role, department, jurisdiction and status apply as for a
// person), limited further to the token's listed actions, and is audited as
// that account with the token's prefix.
export const apiTokens = pgTable("api_tokens", {
  id: serial("id").primaryKey(),
  name: text("name").notNull(),
  tokenHash: varchar("token_hash", { length: 64 }).notNull().unique(),
  /** First characters, to recognise a token in lists and audit rows. */
  prefix: varchar("prefix", { length: 12 }).notNull(),
  actions: jsonb("actions").$type<string[]>().notNull(),
  userId: uuid("user_id").notNull().references(() => users.id),
  createdBy: uuid("created_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});

export type ApiTokenRow = typeof apiTokens.$inferSelect;
