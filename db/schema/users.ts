import { integer, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";

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
  role: text("role", { enum: ["clerk", "reviewer", "manager", "publisher", "viewer", "admin"] }).notNull(),
  jurisdiction: varchar("jurisdiction", { length: 12 }).notNull(),
  status: text("status", { enum: ["active", "disabled"] }).notNull().default("active"),
  sessionVersion: integer("session_version").notNull().default(1),
  passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }).notNull().defaultNow(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;
