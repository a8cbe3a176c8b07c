import { bigint, date, index, integer, jsonb, pgTable, serial, text, timestamp, unique, uuid, varchar } from "drizzle-orm/pg-core";
import { policyVersions } from "./policies";

// Monthly rosters (名单) and what they establish:
//   roster_submissions   one accepted file per department × month × content
//   department_memberships  each department's roll, with validity dates and the list that opened/closed each entry
//   consolidations       one run per month (汇总比对), under a policy version's ranking
//   person_categories    the single consolidated category per person, with validity dates — "category on date D"
// History is never overwritten: entries are closed with an end date.
//
// The bulk tables (department_memberships, person_categories,
// consolidation_conflicts) carry no FOREIGN KEY constraints: PostgreSQL
// checks a foreign key with a trigger per row, which measured 9.3 s against
// 3.0 s without for a 1,000,000-row roll (bench/roster.ts, docs in the
// README), and 1.1 s of the 1.8 s it took a steady month to carry 12,000
// unchanged conflict records into a new run. Their rows are written only by
// the set-based statements of db/queries/roster-import.ts and
// consolidation.ts, which take person_id from a join with people and the
// submission or consolidation id from the row they insert in the same
// transaction; people rows are never deleted (trigger people_no_delete,
// migration 0003), nor are consolidations.

const DEPARTMENT = { enum: ["civil_affairs", "rural_revitalization", "veterans", "disability"] as const };

export const rosterSubmissions = pgTable(
  "roster_submissions",
  {
    id: serial("id").primaryKey(),
    department: text("department", DEPARTMENT).notNull(),
    month: varchar("month", { length: 7 }).notNull(),
    fileName: text("file_name").notNull(),
    fileSha256: varchar("file_sha256", { length: 64 }).notNull(),
    rows: integer("rows").notNull(),
    added: integer("added").notNull(),
    removed: integer("removed").notNull(),
    unchanged: integer("unchanged").notNull(),
    submittedBy: uuid("submitted_by"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * The first consolidation run that saw this list (null until one has):
     * the next run recomputes only the people whose roll entries these
     * unseen lists opened or closed (lib/rosters/consolidate-month.ts).
     */
    consolidationId: integer("consolidation_id"),
  },
  (t) => [unique("roster_submissions_content").on(t.department, t.month, t.fileSha256), index("roster_submissions_month").on(t.month)],
);

export const departmentMemberships = pgTable(
  "department_memberships",
  {
    id: serial("id").primaryKey(),
    personId: uuid("person_id").notNull(),
    department: text("department", DEPARTMENT).notNull(),
    category: text("category").notNull(),
    certifiedOn: date("certified_on").notNull(),
    fromDate: date("from_date").notNull(),
    toDate: date("to_date"),
    openedBy: integer("opened_by"),
    closedBy: integer("closed_by"),
    /**
     * What an open entry says, for a steady month's import to recognise a row
     * that repeats it without a join with people (lib/rosters/domain/open-roll-index.ts):
     * the first 64 bits of the person's blind index, and a 53-bit hash of the
     * category with the register's village and name. Null until an import
     * writes it, and set back to null when the register's name or village
     * changes (trigger people_register_changed): such an entry's rows go the
     * full way, where the register is compared.
     */
    personKey: bigint("person_key", { mode: "number" }),
    entryHash: bigint("entry_hash", { mode: "number" }),
  },
  (t) => [index("department_memberships_person").on(t.personId, t.toDate), index("department_memberships_dept").on(t.department, t.toDate)],
);

export const consolidations = pgTable(
  "consolidations",
  {
    id: serial("id").primaryKey(),
    month: varchar("month", { length: 7 }).notNull(),
    policyVersionId: integer("policy_version_id").references(() => policyVersions.id),
    persons: integer("persons").notNull(),
    byCategory: jsonb("by_category").$type<Record<string, number>>().notNull(),
    conflicts: integer("conflicts").notNull(),
    added: integer("added").notNull(),
    removed: integer("removed").notNull(),
    changed: integer("changed").notNull(),
    runBy: uuid("run_by"),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    /** The people whose category this run computed (everyone in a full run, those whose rolls changed in an incremental one); null before it was counted. */
    recomputed: integer("recomputed"),
  },
  (t) => [index("consolidations_month").on(t.month)],
);

export const consolidationConflicts = pgTable(
  "consolidation_conflicts",
  {
    id: serial("id").primaryKey(),
    consolidationId: integer("consolidation_id").notNull(),
    personId: uuid("person_id").notNull(),
    /** [{ department, category, certifiedOn }] the person was on. */
    candidates: jsonb("candidates").$type<unknown[]>().notNull(),
    chosen: text("chosen").notNull(),
    reason: text("reason").notNull(),
  },
  (t) => [index("consolidation_conflicts_run").on(t.consolidationId)],
);

export const personCategories = pgTable(
  "person_categories",
  {
    id: serial("id").primaryKey(),
    personId: uuid("person_id").notNull(),
    category: text("category").notNull(),
    fromDate: date("from_date").notNull(),
    toDate: date("to_date"),
    /** e.g. "civil_affairs 2025-10": the list the winning category came from. */
    source: text("source").notNull(),
    consolidationId: integer("consolidation_id"),
  },
  (t) => [index("person_categories_person").on(t.personId, t.fromDate), index("person_categories_open").on(t.toDate, t.category)],
);

export type RosterSubmissionRow = typeof rosterSubmissions.$inferSelect;
export type DepartmentMembershipRow = typeof departmentMemberships.$inferSelect;
export type ConsolidationRow = typeof consolidations.$inferSelect;
export type PersonCategoryRow = typeof personCategories.$inferSelect;
