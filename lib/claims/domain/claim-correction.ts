import { formatCents, yuanToCents } from "@/lib/settlement/cents";
import { CLAIM_HEADERS, type ClaimColumnKey } from "./claim-columns";
import { SETTING_NAMES, levelName } from "./claim-labels";
import type { ClaimEntry } from "./validate-claim-row";

// Whether a row whose 结算流水号 is already stored repeats the stored claim or
// corrects it (pure). Amounts are compared in fen, so "1000" and "1000.00" are
// the same; an empty optional amount (基本医保支付, 大病保险支付) differs from a
// figure, because the engine then computes the tier instead of taking it.

/** The stored claim as the ledger holds it (numeric columns as strings). */
export type StoredClaimFields = {
  claimDate: string;
  setting: "inpatient" | "outpatient";
  hospitalName: string;
  hospitalLevel: number;
  specialDisease: boolean;
  referred: boolean;
  inCity: boolean;
  onApplication: boolean;
  totalCost: string;
  policyScopeCost: string;
  basicPaid: string | null;
  criticalPaid: string | null;
  hospitalWaived: string;
  commercialPaid: string;
};

/** One changed column: its Chinese header and the old and new values as a clerk reads them. */
export type FieldChange = { column: string; from: string; to: string };

const yesNo = (b: boolean) => (b ? "是" : "否");
const money = (c: number | null) => (c === null ? "未填" : formatCents(c));
const cents = (v: string | null) => (v === null ? null : yuanToCents(v));

export function claimChanges(stored: StoredClaimFields, entry: ClaimEntry): FieldChange[] {
  const pairs: [ClaimColumnKey, string, string][] = [
    ["claim_date", stored.claimDate, entry.date],
    ["setting", SETTING_NAMES[stored.setting], SETTING_NAMES[entry.setting]],
    ["hospital", stored.hospitalName, entry.hospitalName],
    ["hospital_level", levelName(stored.hospitalLevel), levelName(entry.hospitalLevel)],
    ["special_disease", yesNo(stored.specialDisease), yesNo(entry.specialDisease)],
    ["referred", yesNo(stored.referred), yesNo(entry.referred)],
    ["in_city", yesNo(stored.inCity), yesNo(entry.inCity)],
    ["total_cost", money(cents(stored.totalCost)), money(entry.totalCost)],
    ["policy_scope_cost", money(cents(stored.policyScopeCost)), money(entry.policyScopeCost)],
    ["basic_paid", money(cents(stored.basicPaid)), money(entry.basicPaid)],
    ["critical_paid", money(cents(stored.criticalPaid)), money(entry.criticalPaid)],
    ["on_application", yesNo(stored.onApplication), yesNo(entry.onApplication)],
    ["hospital_waived", money(cents(stored.hospitalWaived)), money(entry.hospitalWaived)],
    ["commercial_paid", money(cents(stored.commercialPaid)), money(entry.commercialPaid)],
  ];
  return pairs.filter(([, from, to]) => from !== to).map(([key, from, to]) => ({ column: CLAIM_HEADERS[key], from, to }));
}

/** "医疗总费用 41000.00 → 42000.00；医疗机构减免 0.00 → 500.00" */
export function describeChanges(changes: readonly FieldChange[]): string {
  return changes.map((c) => `${c.column} ${c.from} → ${c.to}`).join("；");
}
