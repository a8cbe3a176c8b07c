import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, numeric, pgTable, serial, smallint, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { applications } from "./applications";
import { people } from "./people";
import { policyVersions } from "./policies";

// 因病返贫致贫监测 flags (docs/policy.md §5). `monitoring run` evaluates the
// policy's rule on each person's year and raises a flag once per person, year
// and rule: the first crossing is kept as the flag's basis (figure, threshold,
// the claims behind it), later runs only refresh `latest_*` — a re-settlement
// that lowers the costs is shown on the flag but closes nothing by itself.
// Closing a flag (assistance granted, application opened, category assigned,
// dismissed with a reason) is a person's decision, recorded in the outcome columns.

const money = (name: string) => numeric(name, { precision: 14, scale: 2 });

export const monitoringFlags = pgTable(
  "monitoring_flags",
  {
    id: serial("id").primaryKey(),
    personId: uuid("person_id").notNull().references(() => people.id),
    year: smallint("year").notNull(),
    ruleId: text("rule_id").notNull(),
    policyVersionId: integer("policy_version_id").notNull().references(() => policyVersions.id),
    /** The category the rule was applied to (the latest settlement's of the year). */
    category: text("category").notNull(),
    /** The burden figure the rule compares, and its threshold, when the flag was raised. */
    figure: money("figure").notNull(),
    threshold: money("threshold").notNull(),
    /** The engine's sentence: figure, parameter × factor, source paragraph. */
    basis: text("basis").notNull(),
    /** The claims (ids) summed into the figure. */
    claimIds: jsonb("claim_ids").$type<string[]>().notNull(),
    raisedOn: date("raised_on").notNull(),
    /** The latest run's figure and whether it still crosses the threshold. */
    latestFigure: money("latest_figure").notNull(),
    latestFlagged: text("latest_flagged", { enum: ["yes", "no"] }).notNull().default("yes"),
    evaluatedOn: date("evaluated_on").notNull(),
    status: text("status", { enum: ["open", "closed"] }).notNull().default("open"),
    outcome: text("outcome", { enum: ["assistance_granted", "application_opened", "category_assigned", "dismissed"] }),
    outcomeReason: text("outcome_reason"),
    closedOn: date("closed_on"),
    closedBy: uuid("closed_by"),
    /** The on-application case opened from this flag (主动发现), when the outcome is application_opened. */
    applicationId: uuid("application_id").references(() => applications.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("monitoring_flags_once").on(t.personId, t.year, t.ruleId),
    index("monitoring_flags_open").on(t.status, t.year),
    check("monitoring_flags_closed", sql`(${t.status} = 'closed') = (${t.outcome} IS NOT NULL AND ${t.closedOn} IS NOT NULL)`),
  ],
);

export type MonitoringFlagRow = typeof monitoringFlags.$inferSelect;
