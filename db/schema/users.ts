import { bigserial, boolean, index, integer, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";

// Portal users. Role, department, jurisdiction and status are reloaded on
// every request; `sessionVersion` is bumped on any change that must end the
// user's sessions at once (disable, role/department/jurisdiction change,
// password reset).
export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  username: varchar("username", { length: 64 }).notNull().unique(),
  displayName: text("display_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  department: text("department", {
    enum: ["medical_security", "civil_affairs", "rural_revitalization", "veterans", "disability", "township", "finance"],
  }).notNull(),
  role: text("role", { enum: ["clerk", "reviewer", "manager", "publisher", "viewer", "admin", "auditor"] }).notNull(),
  jurisdiction: varchar("jurisdiction", { length: 12 }).notNull(),
  status: text("status", { enum: ["active", "disabled"] }).notNull().default("active"),
  sessionVersion: integer("session_version").notNull().default(1),
  passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }).notNull().defaultNow(),
  // Set when an administrator chose the password (a new account, a reset): the
  // user must choose their own before anything else. Age (password_changed_at
  // against PASSWORD_MAX_AGE_DAYS) forces a change the same way.
  mustChangePassword: boolean("must_change_password").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// The hashes of a user's earlier passwords (bcrypt, never the password), so a
// new one can be refused when it repeats one of the last five
// (lib/auth/domain/password-policy.ts). Older rows are deleted as new ones come.
export const passwordHistory = pgTable(
  "password_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id").notNull().references(() => users.id),
    passwordHash: text("password_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("password_history_user").on(t.userId, t.id)],
);

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;
