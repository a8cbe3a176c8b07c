import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, serial, smallint, text, timestamp, unique, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { claims } from "./claims";
import { people } from "./people";
import { policyVersions } from "./policies";

// On-application assistance (依申请救助, docs/policy.md §6): the case, its
// document checklist (容缺受理), the household survey, every transition, and
// the payment batches. The workflow itself is the pure state machine in
// lib/applications/domain/; these tables store its result.
//
// Personal data at rest: the phone number, the account holder and the account
// number are sealed with AES-256-GCM under PORTAL_DATA_KEY (lib/crypto,
// `<key id>:<base64>`); only the last four digits are kept in clear, for the
// masked display (6222 **** **** 1234). Revealing them is a permission, audited.

const STATES = [
  "accepted", "township_review", "returned", "forwarded", "county_review", "joint_meeting",
  "approved", "in_batch", "paid", "payment_failed", "refused", "objection_review",
] as const;
const money = (name: string) => numeric(name, { precision: 14, scale: 2 });

export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey().default(sql`portal_uuid7()`),
    /** 申请编号 shown on the forms, e.g. SQ-430524100-2025-0001. */
    caseNo: varchar("case_no", { length: 40 }).notNull().unique(),
    personId: uuid("person_id").notNull().references(() => people.id),
    /** Township (乡镇/街道) of the applicant's household registration: the jurisdiction key. */
    townshipCode: varchar("township_code", { length: 12 }).notNull(),
    year: smallint("year").notNull(),
    acceptedOn: date("accepted_on").notNull(),
    state: text("state", { enum: STATES }).notNull().default("accepted"),
    /** Optimistic lock: every change is `UPDATE … WHERE version = $seen`, and bumps it. */
    version: integer("version").notNull().default(1),
    urgent: boolean("urgent").notNull().default(false),
    urgentReason: text("urgent_reason"),
    filerKind: text("filer_kind", { enum: ["self", "family", "village_committee"] }).notNull(),
    filerName: text("filer_name"),
    filerRelation: text("filer_relation"),
    phoneSealed: text("phone_sealed"),
    phoneTail: varchar("phone_tail", { length: 4 }),
    /** 户名 (sealed), 开户行 (clear: a bank branch), 账号 (sealed) with its last four digits. */
    bankHolderSealed: text("bank_holder_sealed"),
    bankName: text("bank_name"),
    bankAccountSealed: text("bank_account_sealed"),
    bankAccountTail: varchar("bank_account_tail", { length: 4 }),
    /** The first four digits (the bank's BIN) for the 6222 **** **** 1234 mask; null on rows from before it was kept (shown ****). */
    bankAccountHead: varchar("bank_account_head", { length: 4 }),
    diagnosisSummary: text("diagnosis_summary"),
    /** The person's consolidated category on the acceptance date and the policy version in force then. */
    category: text("category"),
    policyVersionId: integer("policy_version_id").references(() => policyVersions.id),
    /** The policy has the amount decided by the joint meeting (000 §三(八)). */
    jointMeeting: boolean("joint_meeting").notNull().default(false),
    // The current step's clock (lib/applications/domain/step-clock.ts); due_on is
    // derived from it and kept for the queues' ORDER BY and the overdue counts.
    clockStep: text("clock_step", { enum: ["township", "county", "payment"] }),
    clockStartedOn: date("clock_started_on"),
    clockUsedBefore: smallint("clock_used_before").notNull().default(0),
    clockPausedOn: date("clock_paused_on"),
    dueOn: date("due_on"),
    forwardedOn: date("forwarded_on"),
    approvedOn: date("approved_on"),
    computedAmount: money("computed_amount"),
    approvedAmount: money("approved_amount"),
    overrideReason: text("override_reason"),
    jointMeetingOn: date("joint_meeting_on"),
    jointMeetingDepartments: jsonb("joint_meeting_departments").$type<string[]>(),
    paidAmount: money("paid_amount"),
    paidOn: date("paid_on"),
    refusalReason: text("refusal_reason"),
    refusedOn: date("refused_on"),
    notifiedOn: date("notified_on"),
    notifiedChannel: text("notified_channel", { enum: ["in_person", "post", "phone", "sms"] }),
    acceptedBy: uuid("accepted_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The work queues (db/queries/application-queues.ts): every sort key and the counted columns, so a
    // queue is ordered, cut and counted from the index alone (index-only) — one township by equality,
    // a county by the state list and a township_code range.
    index("applications_township_queue").on(t.townshipCode, t.state, t.urgent, t.dueOn, t.acceptedOn, t.id),
    index("applications_state_queue").on(t.state, t.townshipCode, t.urgent, t.dueOn, t.acceptedOn, t.id),
    index("applications_person_year").on(t.personId, t.year),
    // The timeliness view (db/queries/application-timeliness.ts): a division's cases of one acceptance year.
    index("applications_year_township").on(t.year, t.townshipCode),
    check("applications_urgent_reason", sql`NOT ${t.urgent} OR ${t.urgentReason} IS NOT NULL`),
    check("applications_filer_relation", sql`${t.filerKind} <> 'family' OR ${t.filerRelation} IS NOT NULL`),
    check("applications_amounts", sql`coalesce(${t.computedAmount}, 0) >= 0 AND coalesce(${t.approvedAmount}, 0) >= 0 AND coalesce(${t.paidAmount}, 0) >= 0`),
    // A paid case keeps its payment when a notice objection sends it to review, and when that review revokes the grant (the money is then to be recovered).
    check("applications_paid", sql`(${t.state} <> 'paid' OR ${t.paidOn} IS NOT NULL) AND (${t.paidOn} IS NULL OR ${t.state} IN ('paid', 'objection_review', 'refused'))`),
    check("applications_refused", sql`${t.state} <> 'refused' OR ${t.refusalReason} IS NOT NULL`),
    check("applications_override", sql`${t.approvedAmount} IS NULL OR ${t.approvedAmount} = ${t.computedAmount} OR ${t.overrideReason} IS NOT NULL OR ${t.jointMeeting}`),
  ],
);

/** The settlement records ticked into an application (from the ledger). */
export const applicationClaims = pgTable(
  "application_claims",
  {
    applicationId: uuid("application_id").notNull().references(() => applications.id),
    claimId: uuid("claim_id").notNull().references(() => claims.id),
  },
  (t) => [unique("application_claims_once").on(t.applicationId, t.claimId), index("application_claims_claim").on(t.claimId)],
);

/** The checklist (容缺受理): every item supplied, missing with a due date, or waived with a reason. */
export const applicationDocuments = pgTable(
  "application_documents",
  {
    applicationId: uuid("application_id").notNull().references(() => applications.id),
    item: text("item", { enum: ["identity", "certification", "diagnosis", "history", "receipts"] }).notNull(),
    status: text("status", { enum: ["supplied", "missing", "waived"] }).notNull(),
    dueOn: date("due_on"),
    waiveReason: text("waive_reason"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("application_documents_item").on(t.applicationId, t.item),
    check("application_documents_waived", sql`${t.status} <> 'waived' OR ${t.waiveReason} IS NOT NULL`),
    check("application_documents_missing", sql`${t.status} <> 'missing' OR ${t.dueOn} IS NOT NULL`),
    // The queues count each listed case's missing items: a lookup in this small index instead of its five checklist rows.
    index("application_documents_missing_items").on(t.applicationId).where(sql`${t.status} = 'missing'`),
  ],
);

/** Every transition, with who, when and why (written in the same transaction as the change). */
export const applicationTransitions = pgTable(
  "application_transitions",
  {
    id: serial("id").primaryKey(),
    applicationId: uuid("application_id").notNull().references(() => applications.id),
    action: text("action").notNull(),
    /** null for the intake itself. */
    fromState: text("from_state", { enum: STATES }),
    toState: text("to_state", { enum: STATES }).notNull(),
    actorId: uuid("actor_id"),
    /** The Beijing date the step counts from. */
    onDate: date("on_date").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    reason: text("reason"),
  },
  (t) => [
    index("application_transitions_case").on(t.applicationId, t.id),
    // The cases ever returned for documents (退回补正), whose paused days the timeliness view subtracts: a few % of all.
    index("application_transitions_returns").on(t.applicationId).where(sql`${t.action} = 'return_for_documents'`),
  ],
);

/** 入户调查记录: one per case. */
export const householdSurveys = pgTable("household_surveys", {
  applicationId: uuid("application_id").primaryKey().references(() => applications.id),
  surveyedOn: date("surveyed_on").notNull(),
  visitors: text("visitors").notNull(),
  findings: text("findings").notNull(),
  householdSituation: text("household_situation").notNull(),
  recordedBy: uuid("recorded_by"),
  recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
});

/** 支付批次: what goes to the bank's 代发 service in one file. */
export const paymentBatches = pgTable("payment_batches", {
  id: serial("id").primaryKey(),
  batchNo: varchar("batch_no", { length: 40 }).notNull().unique(),
  countyCode: varchar("county_code", { length: 12 }).notNull(),
  createdOn: date("created_on").notNull(),
  createdBy: uuid("created_by"),
  status: text("status", { enum: ["open", "sent", "confirmed", "cancelled"] }).notNull().default("open"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /** 作废批次: only a batch left with no line but removed ones (lib/applications/payments/cancel-payment-batch.ts). */
  cancelReason: text("cancel_reason"),
  cancelledOn: date("cancelled_on"),
  cancelledBy: uuid("cancelled_by"),
}, (t) => [check("payment_batches_cancelled", sql`(${t.status} = 'cancelled') = (${t.cancelReason} IS NOT NULL AND ${t.cancelledOn} IS NOT NULL)`)]);

/**
 * One case in a batch. A case has at most one line that is not failed: it
 * cannot sit in two batches, and it is paid once, whatever is clicked twice.
 */
export const paymentBatchLines = pgTable(
  "payment_batch_lines",
  {
    id: serial("id").primaryKey(),
    batchId: integer("batch_id").notNull().references(() => paymentBatches.id),
    applicationId: uuid("application_id").notNull().references(() => applications.id),
    amount: money("amount").notNull(),
    status: text("status", { enum: ["pending", "paid", "failed", "removed"] }).notNull().default("pending"),
    paidOn: date("paid_on"),
    bankReference: text("bank_reference"),
    failureReason: text("failure_reason"),
    /** 移出批次: the line stays in its batch's history as removed (who, when, why), out of its count, total and file. */
    removedReason: text("removed_reason"),
    removedOn: date("removed_on"),
    removedBy: uuid("removed_by"),
  },
  (t) => [
    uniqueIndex("payment_batch_lines_one_live").on(t.applicationId).where(sql`${t.status} NOT IN ('failed', 'removed')`),
    index("payment_batch_lines_batch").on(t.batchId),
    check("payment_batch_lines_amount", sql`${t.amount} > 0`),
    check("payment_batch_lines_paid", sql`(${t.status} = 'paid') = (${t.paidOn} IS NOT NULL AND ${t.bankReference} IS NOT NULL)`),
    check("payment_batch_lines_removed", sql`(${t.status} = 'removed') = (${t.removedReason} IS NOT NULL AND ${t.removedOn} IS NOT NULL)`),
  ],
);

/**
 * 追回: money paid on a case whose grant was revoked afterwards (公示异议复核
 * 撤销救助). One per case, written in the revocation's transaction; the payment
 * clerk records when it came back (追回到账) with the bank's reference.
 */
export const applicationRecoveries = pgTable(
  "application_recoveries",
  {
    id: serial("id").primaryKey(),
    applicationId: uuid("application_id").notNull().unique().references(() => applications.id),
    amount: money("amount").notNull(),
    reason: text("reason").notNull(),
    paidOn: date("paid_on").notNull(),
    createdOn: date("created_on").notNull(),
    createdBy: uuid("created_by"),
    recoveredOn: date("recovered_on"),
    recoveredReference: text("recovered_reference"),
    recoveredBy: uuid("recovered_by"),
  },
  (t) => [
    check("application_recoveries_amount", sql`${t.amount} > 0`),
    check("application_recoveries_recovered", sql`(${t.recoveredOn} IS NULL) = (${t.recoveredReference} IS NULL)`),
  ],
);

export type ApplicationRow = typeof applications.$inferSelect;
