import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, date, index, integer, numeric, pgTable, serial, smallint, text, timestamp, unique, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { applications } from "./applications";

// Quarterly public notices (季度公示, docs/policy.md §7): one notice per
// village/community and quarter, its rows, and the objections (异议) received
// while it is posted. The rows are a snapshot: masked name, village, category
// name, amount and approval date copied at drafting and frozen at
// publication, so a later rename, move or change of a case never alters what
// was published. A published notice and its rows cannot be updated or
// deleted — the use cases refuse it, and so does a trigger
// (db/migrations/0015_notices_frozen.sql). A correction is a new notice.

export const notices = pgTable(
  "notices",
  {
    id: uuid("id").primaryKey().default(sql`portal_uuid7()`),
    townshipCode: varchar("township_code", { length: 12 }).notNull(),
    villageCode: varchar("village_code", { length: 12 }).notNull(),
    /** Names as on the day of drafting (divisions may be renamed later; the notice is not). */
    townshipName: text("township_name").notNull(),
    villageName: text("village_name").notNull(),
    year: smallint("year").notNull(),
    quarter: smallint("quarter").notNull(),
    status: text("status", { enum: ["draft", "published"] }).notNull().default("draft"),
    /** 发布单位 */
    issuer: text("issuer"),
    contactPhone: text("contact_phone"),
    /** 异议受理方式 and 受理单位（人） */
    objectionChannel: text("objection_channel"),
    objectionTo: text("objection_to"),
    publishedOn: date("published_on"),
    windowStart: date("window_start"),
    windowEnd: date("window_end"),
    postingWorkingDays: smallint("posting_working_days"),
    correctsNoticeId: uuid("corrects_notice_id").references((): AnyPgColumn => notices.id),
    correctionReason: text("correction_reason"),
    /** Optimistic lock for the header edits: `UPDATE … WHERE version = $seen`. */
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid("published_by"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [
    // One original notice per village and quarter (re-drafting refreshes it); corrections are extra.
    uniqueIndex("notices_village_quarter").on(t.villageCode, t.year, t.quarter).where(sql`${t.correctsNoticeId} IS NULL`),
    index("notices_township_quarter").on(t.townshipCode, t.year, t.quarter),
    // The public page: published notices by window.
    index("notices_window").on(t.windowEnd, t.windowStart).where(sql`${t.status} = 'published'`),
    check("notices_quarter", sql`${t.quarter} BETWEEN 1 AND 4`),
    check(
      "notices_published_complete",
      sql`${t.status} <> 'published' OR (${t.publishedOn} IS NOT NULL AND ${t.windowStart} IS NOT NULL AND ${t.windowEnd} IS NOT NULL AND ${t.windowEnd} >= ${t.windowStart} AND ${t.issuer} IS NOT NULL AND ${t.contactPhone} IS NOT NULL AND ${t.objectionChannel} IS NOT NULL AND ${t.objectionTo} IS NOT NULL)`,
    ),
    check("notices_correction_reason", sql`(${t.correctsNoticeId} IS NULL) = (${t.correctionReason} IS NULL)`),
  ],
);

/** The rows of a notice: a snapshot, never joined back to people for display. */
export const noticeRows = pgTable(
  "notice_rows",
  {
    id: serial("id").primaryKey(),
    noticeId: uuid("notice_id").notNull().references(() => notices.id),
    seq: smallint("seq").notNull(),
    /** For staff (objections against a row); never sent to the public page. */
    applicationId: uuid("application_id").notNull().references(() => applications.id),
    maskedName: text("masked_name").notNull(),
    villageName: text("village_name").notNull(),
    categoryName: text("category_name").notNull(),
    amount: numeric("amount", { precision: 14, scale: 2 }).notNull(),
    approvedOn: date("approved_on").notNull(),
  },
  (t) => [unique("notice_rows_seq").on(t.noticeId, t.seq), index("notice_rows_application").on(t.applicationId)],
);

/** 异议: received during the window, each handled to an outcome. */
export const noticeObjections = pgTable(
  "notice_objections",
  {
    id: uuid("id").primaryKey().default(sql`portal_uuid7()`),
    noticeId: uuid("notice_id").notNull().references(() => notices.id),
    /** The case objected to; null when the objection concerns the notice as a whole. */
    applicationId: uuid("application_id").references(() => applications.id),
    /** null = anonymous (匿名). Staff-only, never public. */
    objector: text("objector"),
    objectorContact: text("objector_contact"),
    content: text("content").notNull(),
    receivedOn: date("received_on").notNull(),
    channel: text("channel", { enum: ["in_person", "phone", "letter", "online", "other"] }).notNull(),
    recordedBy: uuid("recorded_by"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    outcome: text("outcome", { enum: ["upheld", "dismissed"] }),
    outcomeReason: text("outcome_reason"),
    handledBy: uuid("handled_by"),
    handledOn: date("handled_on"),
  },
  (t) => [
    index("notice_objections_notice").on(t.noticeId),
    index("notice_objections_application").on(t.applicationId),
    check("notice_objections_handled", sql`(${t.outcome} IS NULL) = (${t.handledOn} IS NULL) AND (${t.outcome} IS NULL OR ${t.outcomeReason} IS NOT NULL)`),
    check("notice_objections_upheld_case", sql`${t.outcome} IS DISTINCT FROM 'upheld' OR ${t.applicationId} IS NOT NULL`),
  ],
);
