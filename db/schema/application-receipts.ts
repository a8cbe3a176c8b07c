import { sql } from "drizzle-orm";
import { boolean, check, date, index, numeric, pgTable, smallint, text, timestamp, unique, uuid, varchar } from "drizzle-orm/pg-core";
import { applications } from "./applications";

// Receipts the claims ledger does not hold (out-of-county hospitals, paper
// 结算单据), entered by hand at the township for one application. They are
// kept apart from `claims` on purpose: the ledger is the insurance platform's
// export and is re-settled as a whole, while these belong to one case, count
// only in its amount, and may be removed again while the township has it.
// The columns are the claims import's, checked by the same row validator.

const money = (name: string) => numeric(name, { precision: 14, scale: 2 });

export const applicationReceipts = pgTable(
  "application_receipts",
  {
    id: uuid("id").primaryKey().default(sql`portal_uuid7()`),
    applicationId: uuid("application_id").notNull().references(() => applications.id),
    /** The receipt's number as printed, or MANUAL-<caseNo>-<n> when it has none. */
    receiptNo: varchar("receipt_no", { length: 64 }).notNull(),
    claimDate: date("claim_date").notNull(),
    setting: text("setting", { enum: ["inpatient", "outpatient"] }).notNull(),
    hospitalName: text("hospital_name").notNull(),
    hospitalLevel: smallint("hospital_level").notNull(),
    specialDisease: boolean("special_disease").notNull().default(false),
    referred: boolean("referred").notNull().default(true),
    inCity: boolean("in_city").notNull().default(true),
    totalCost: money("total_cost").notNull(),
    policyScopeCost: money("policy_scope_cost").notNull(),
    basicPaid: money("basic_paid"),
    criticalPaid: money("critical_paid"),
    /** 医疗机构减免 and 医疗商业补充保险 on the receipt (004 §二(二)3 四), as the claims file carries them; 0 when none. */
    hospitalWaived: money("hospital_waived").notNull().default("0"),
    commercialPaid: money("commercial_paid").notNull().default("0"),
    enteredBy: uuid("entered_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("application_receipts_no").on(t.applicationId, t.receiptNo),
    index("application_receipts_case").on(t.applicationId),
    check("application_receipts_scope", sql`${t.policyScopeCost} <= ${t.totalCost} AND ${t.policyScopeCost} >= 0`),
  ],
);

export type ApplicationReceiptRow = typeof applicationReceipts.$inferSelect;
