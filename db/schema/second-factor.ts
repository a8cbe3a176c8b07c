import { bigserial, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

// The TOTP second factor (等保 双因素鉴别, docs/security.md). One row per user
// who has begun enrolling: `secretSealed` is the base32 secret encrypted with
// PORTAL_DATA_KEY (AES-256-GCM, lib/crypto/id-cipher.ts), never the secret in
// clear; `enabledAt` is null until the user confirmed a code from their app.
// `lastStep` is the 30-second time step of the last code accepted: a code of
// that step or an earlier one is refused, so a code seen once cannot be used
// again (RFC 6238 §5.2).
export const userTotp = pgTable("user_totp", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id),
  secretSealed: text("secret_sealed").notNull(),
  enabledAt: timestamp("enabled_at", { withTimezone: true }),
  lastStep: integer("last_step"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

// One-time recovery codes: SHA-256 of a salt of its own and the code, never
// the code. Each signs in once (`usedAt`); a new set replaces the old one.
export const userRecoveryCodes = pgTable(
  "user_recovery_codes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    salt: text("salt").notNull(),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("user_recovery_codes_user").on(t.userId)],
);

export type UserTotpRow = typeof userTotp.$inferSelect;
export type UserRecoveryCodeRow = typeof userRecoveryCodes.$inferSelect;
