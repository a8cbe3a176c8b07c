import { date, index, integer, jsonb, numeric, pgTable, serial, smallint, text, timestamp, unique, uuid, varchar } from "drizzle-orm/pg-core";
import { people } from "./people";
import { policyVersions } from "./policies";

// The 参保台账: enrolment per person per year as the tax / insurance system
// reports it, the premium subsidy computed for it, and the 未参保 worklist
// worked off case by case ("销号") with a required reason.

export const enrolmentImports = pgTable("enrolment_imports", {
  id: serial("id").primaryKey(),
  year: integer("year").notNull(),
  fileName: text("file_name").notNull(),
  fileSha256: varchar("file_sha256", { length: 64 }).notNull(),
  rows: integer("rows").notNull(),
  /**
   * The file's tier-1 (一档) contribution standard: a tier-2 payer's subsidy is a
   * share of it (000 §二(一)). One per file (the import checks it); null for
   * imports made before it was kept and that held no tier-1 row.
   */
  tier1: numeric("tier1", { precision: 14, scale: 2 }),
  importedBy: uuid("imported_by"),
  importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [unique("enrolment_imports_content").on(t.year, t.fileSha256)]);

export const enrolments = pgTable(
  "enrolments",
  {
    id: serial("id").primaryKey(),
    personId: uuid("person_id").notNull().references(() => people.id),
    year: integer("year").notNull(),
    tier: smallint("tier").notNull().default(1),
    contribution: numeric("contribution", { precision: 14, scale: 2 }).notNull(),
    /** The day the contribution was paid: the identity held that day decides the subsidy. */
    paidOn: date("paid_on").notNull(),
    feeExempt: text("fee_exempt", { enum: ["yes", "no"] }).notNull().default("no"),
    importId: integer("import_id").references(() => enrolmentImports.id),
  },
  (t) => [unique("enrolments_person_year").on(t.personId, t.year)],
);

export const subsidies = pgTable(
  "subsidies",
  {
    id: serial("id").primaryKey(),
    personId: uuid("person_id").notNull().references(() => people.id),
    year: integer("year").notNull(),
    category: text("category").notNull(),
    policyVersionId: integer("policy_version_id").references(() => policyVersions.id),
    subsidy: numeric("subsidy", { precision: 14, scale: 2 }).notNull(),
    personal: numeric("personal", { precision: 14, scale: 2 }).notNull(),
    funding: jsonb("funding").$type<{ source: string; amount: string }[]>().notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // One subsidy per person and year: a later change of identity earns no top-up (000 §二(一)).
  (t) => [unique("subsidies_person_year").on(t.personId, t.year)],
);

export const unenrolledCases = pgTable(
  "unenrolled_cases",
  {
    id: serial("id").primaryKey(),
    personId: uuid("person_id").notNull().references(() => people.id),
    year: integer("year").notNull(),
    townshipCode: varchar("township_code", { length: 12 }).notNull(),
    status: text("status", { enum: ["open", "closed"] }).notNull().default("open"),
    reason: text("reason", { enum: ["army", "prison", "employee_insurance", "insured_elsewhere", "deceased", "enrolled"] }),
    note: text("note"),
    closedBy: uuid("closed_by"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("unenrolled_person_year").on(t.personId, t.year), index("unenrolled_township").on(t.townshipCode, t.status)],
);

/**
 * What happened to a 未参保 case, oldest first: each 销号 (by hand or on an
 * enrolment import) and each reopening. The case row holds only the current
 * state; a reopening clears its reason, so the history lives here. `reason`
 * is the close reason (null for a reopening); `note` the close note or the
 * reopening's reason.
 */
export const unenrolledCaseEvents = pgTable(
  "unenrolled_case_events",
  {
    id: serial("id").primaryKey(),
    caseId: integer("case_id").notNull().references(() => unenrolledCases.id),
    kind: text("kind", { enum: ["closed", "reopened"] }).notNull(),
    reason: text("reason", { enum: ["army", "prison", "employee_insurance", "insured_elsewhere", "deceased", "enrolled"] }),
    note: text("note"),
    actorId: uuid("actor_id"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("unenrolled_case_events_case").on(t.caseId, t.at)],
);
