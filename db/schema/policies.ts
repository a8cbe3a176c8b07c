import { date, index, integer, jsonb, pgTable, serial, text, timestamp, unique, uuid, varchar } from "drizzle-orm/pg-core";

// Policy records as versioned data. A version's `record` is the JSON that
// lib/policy's zod schema validates; a version is never edited once active
// (an edit makes a new version). Which version is in force in a region from
// which date is an activation; a claim is settled under the version in force
// on its date, so old versions and activations stay.
export const policyVersions = pgTable(
  "policy_versions",
  {
    id: serial("id").primaryKey(),
    policyId: varchar("policy_id", { length: 64 }).notNull(),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    /** The preset this version was copied from, if any. */
    basedOn: varchar("based_on", { length: 64 }),
    record: jsonb("record").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: ["draft", "active", "retired"] }).notNull().default("draft"),
    note: text("note"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("policy_versions_id_version").on(t.policyId, t.version)],
);

export const policyActivations = pgTable(
  "policy_activations",
  {
    id: serial("id").primaryKey(),
    /** The region (a county or city division code) the activation applies to. */
    divisionCode: varchar("division_code", { length: 12 }).notNull(),
    versionId: integer("version_id").notNull().references(() => policyVersions.id),
    activeFrom: date("active_from").notNull(),
    activatedBy: uuid("activated_by"),
    activatedAt: timestamp("activated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("policy_activations_division").on(t.divisionCode, t.activeFrom)],
);

export type PolicyVersionRow = typeof policyVersions.$inferSelect;
export type PolicyActivationRow = typeof policyActivations.$inferSelect;
