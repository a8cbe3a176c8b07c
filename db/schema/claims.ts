import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, numeric, pgTable, serial, smallint, text, timestamp, uniqueIndex, uuid, varchar, type AnyPgColumn } from "drizzle-orm/pg-core";
import { people } from "./people";
import { policyVersions } from "./policies";

// Settlement records as the insurance platform exports them (one row per
// hospital stay or outpatient settlement), and the engine's result for each.
// A result is never overwritten: re-settling supersedes it with a new row.
// Likewise a claim: a corrected re-import of its 结算流水号 supersedes the row
// with a new one (superseded_at, superseded_by) and the old row stays, with its
// old results, for the history and for the cases that referred to it.

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
    /** The platform's settlement number (结算流水号): one current row per number; the same values again change nothing, different ones supersede it. */
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
    /** 医疗机构减免 and 医疗商业补充保险 (004 §二(二)3 四): taken off what the person bears before re-assistance. */
    hospitalWaived: numeric("hospital_waived", { precision: 14, scale: 2 }).notNull().default("0"),
    commercialPaid: numeric("commercial_paid", { precision: 14, scale: 2 }).notNull().default("0"),
    importId: integer("import_id").references(() => claimImports.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set when a corrected re-import replaced this row; null on the current row of its 结算流水号. */
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
    supersededBy: uuid("superseded_by").references((): AnyPgColumn => claims.id),
  },
  (t) => [
    uniqueIndex("claims_external_id_current").on(t.externalId).where(sql`${t.supersededAt} is null`),
    index("claims_person_date").on(t.personId, t.claimDate),
  ],
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
