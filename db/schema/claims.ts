import { boolean, date, index, integer, jsonb, numeric, pgTable, serial, smallint, text, timestamp, unique, uuid, varchar } from "drizzle-orm/pg-core";
import { people } from "./people";
import { policyVersions } from "./policies";

// Settlement records as the insurance platform exports them (one row per
// hospital stay or outpatient settlement), and the engine's result for each.
// A result is never overwritten: re-settling supersedes it with a new row.

export const claimImports = pgTable("claim_imports", {
  id: serial("id").primaryKey(),
  fileName: text("file_name").notNull(),
  fileSha256: varchar("file_sha256", { length: 64 }).notNull().unique(),
  rows: integer("rows").notNull(),
  importedBy: uuid("imported_by"),
  importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
});

export const claims = pgTable(
  "claims",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The platform's settlement number (结算流水号); re-importing it changes nothing. */
    externalId: varchar("external_id", { length: 64 }).notNull(),
    personId: uuid("person_id").notNull().references(() => people.id),
    claimDate: date("claim_date").notNull(),
    setting: text("setting", { enum: ["inpatient", "outpatient"] }).notNull(),
    hospitalName: text("hospital_name").notNull(),
    hospitalLevel: smallint("hospital_level").notNull(),
    specialDisease: boolean("special_disease").notNull().default(false),
    referred: boolean("referred").notNull().default(true),
    inCity: boolean("in_city").notNull().default(true),
    onApplication: boolean("on_application").notNull().default(false),
    totalCost: numeric("total_cost", { precision: 14, scale: 2 }).notNull(),
    policyScopeCost: numeric("policy_scope_cost", { precision: 14, scale: 2 }).notNull(),
    outOfScopeCost: numeric("out_of_scope_cost", { precision: 14, scale: 2 }).notNull(),
    basicPaid: numeric("basic_paid", { precision: 14, scale: 2 }),
    criticalPaid: numeric("critical_paid", { precision: 14, scale: 2 }),
    importId: integer("import_id").references(() => claimImports.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("claims_external_id").on(t.externalId), index("claims_person_date").on(t.personId, t.claimDate)],
);

export const claimSettlements = pgTable(
  "claim_settlements",
  {
    id: serial("id").primaryKey(),
    claimId: uuid("claim_id").notNull().references(() => claims.id),
    /** The person's consolidated category on the claim date (null: none held → ordinary). */
    category: text("category").notNull(),
    policyVersionId: integer("policy_version_id").notNull().references(() => policyVersions.id),
    basic: numeric("basic", { precision: 14, scale: 2 }).notNull(),
    critical: numeric("critical", { precision: 14, scale: 2 }).notNull(),
    assistance: numeric("assistance", { precision: 14, scale: 2 }).notNull(),
    tilted: numeric("tilted", { precision: 14, scale: 2 }).notNull(),
    selfPaid: numeric("self_paid", { precision: 14, scale: 2 }).notNull(),
    trace: jsonb("trace").$type<unknown[]>().notNull(),
    settledBy: uuid("settled_by"),
    settledAt: timestamp("settled_at", { withTimezone: true }).notNull().defaultNow(),
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
    /** Why it was re-settled (policy or category correction), on the new row. */
    reason: text("reason"),
  },
  (t) => [index("claim_settlements_claim").on(t.claimId, t.supersededAt)],
);

export type ClaimRow = typeof claims.$inferSelect;
export type ClaimSettlementRow = typeof claimSettlements.$inferSelect;
