import type { Cents } from "@/lib/settlement/cents";
import { beijingToday } from "@/lib/calendar/domain/iso-date";
import { formatCents } from "@/lib/settlement/cents";
import type { Check } from "@/lib/rosters/domain/check";
import { WHOLE_ROW, type RosterRowError } from "@/lib/rosters/domain/errors";
import { checkName } from "@/lib/rosters/domain/field-checks";
import { birthDateOfValid, checkIdNumber, ymdNumber } from "@/lib/rosters/domain/id-check";
import { CLAIM_COLUMN_KEYS, CLAIM_HEADERS, type ClaimColumnKey } from "./claim-columns";
import {
  checkClaimDate,
  checkExternalId,
  checkHospital,
  checkHospitalLevel,
  checkMoney,
  checkSetting,
  checkYesNo,
  type Setting,
} from "./claim-field-checks";
import type { ClaimFileRow } from "../read-claims-file";

// One settlement record checked on its own: every problem of the row at once,
// by column. Checks that need the whole file (duplicate 结算流水号) or the
// database (the person, stored claims, the policy in force) are the import's.

export type ClaimEntry = {
  row: number;
  externalId: string;
  idNumber: string;
  name: string;
  date: string;
  setting: Setting;
  hospitalName: string;
  hospitalLevel: 1 | 2 | 3;
  specialDisease: boolean;
  referred: boolean;
  inCity: boolean;
  onApplication: boolean;
  totalCost: Cents;
  policyScopeCost: Cents;
  basicPaid: Cents | null;
  criticalPaid: Cents | null;
  /** 医疗机构减免 and 医疗商业补充保险 (004 §二(二)3 四); an empty or absent column is 0. */
  hospitalWaived: Cents;
  commercialPaid: Cents;
};

export type ClaimRowValidation = { ok: true; entry: ClaimEntry } | { ok: false; errors: RosterRowError[] };

export function validateClaimRow(raw: ClaimFileRow, now: Date): ClaimRowValidation {
  const { row, fields: f } = raw;
  if (raw.problems?.some((p) => p.column === WHOLE_ROW)) return { ok: false, errors: raw.problems };
  const id = checkIdNumber(f.id_number, now, ymdNumber(now));
  const birth = id.value === undefined ? null : birthDateOfValid(id.value);
  const checks = {
    external_id: checkExternalId(f.external_id),
    id_number: id,
    name: checkName(f.name),
    claim_date: checkClaimDate(f.claim_date, beijingToday(now), birth),
    setting: checkSetting(f.setting),
    hospital: checkHospital(f.hospital),
    hospital_level: checkHospitalLevel(f.hospital_level),
    special_disease: checkYesNo(f.special_disease, CLAIM_HEADERS.special_disease),
    referred: checkYesNo(f.referred, CLAIM_HEADERS.referred),
    in_city: checkYesNo(f.in_city, CLAIM_HEADERS.in_city),
    total_cost: checkMoney(f.total_cost, CLAIM_HEADERS.total_cost, true),
    policy_scope_cost: checkMoney(f.policy_scope_cost, CLAIM_HEADERS.policy_scope_cost, true),
    basic_paid: checkMoney(f.basic_paid, CLAIM_HEADERS.basic_paid, false),
    critical_paid: checkMoney(f.critical_paid, CLAIM_HEADERS.critical_paid, false),
    on_application: checkYesNo(f.on_application, CLAIM_HEADERS.on_application, false),
    hospital_waived: checkMoney(f.hospital_waived, CLAIM_HEADERS.hospital_waived, false),
    commercial_paid: checkMoney(f.commercial_paid, CLAIM_HEADERS.commercial_paid, false),
  } satisfies Record<ClaimColumnKey, Check<unknown>>;
  crossCheck(checks);

  const errors: RosterRowError[] = [];
  for (const key of CLAIM_COLUMN_KEYS) {
    const fromReader = raw.problems?.filter((p) => p.column === CLAIM_HEADERS[key]) ?? [];
    if (fromReader.length > 0) errors.push(...fromReader);
    else if (checks[key].reason !== undefined) errors.push({ row, column: CLAIM_HEADERS[key], reason: checks[key].reason });
  }
  if (errors.length > 0) return { ok: false, errors };
  const v = <T>(c: Check<T>): T => c.value as T;
  return {
    ok: true,
    entry: {
      row,
      externalId: v(checks.external_id),
      idNumber: v(checks.id_number),
      name: v(checks.name),
      date: v(checks.claim_date),
      setting: v(checks.setting),
      hospitalName: v(checks.hospital),
      hospitalLevel: v(checks.hospital_level),
      specialDisease: v(checks.special_disease),
      referred: v(checks.referred),
      inCity: v(checks.in_city),
      onApplication: v(checks.on_application),
      totalCost: v(checks.total_cost)!,
      policyScopeCost: v(checks.policy_scope_cost)!,
      basicPaid: v(checks.basic_paid),
      criticalPaid: v(checks.critical_paid),
      hospitalWaived: v(checks.hospital_waived) ?? 0,
      commercialPaid: v(checks.commercial_paid) ?? 0,
    },
  };
}

type MoneyChecks = Record<"total_cost" | "policy_scope_cost" | "basic_paid" | "critical_paid" | "hospital_waived" | "commercial_paid", Check<Cents | null>>;

/**
 * The amounts against each other: scope ≤ total, basic + critical ≤ scope,
 * critical only with basic; what the hospital waived and the commercial
 * insurer paid together at most the total cost (they relieve the bill, not more).
 */
function crossCheck(c: MoneyChecks): void {
  const waived = c.hospital_waived.value;
  const commercial = c.commercial_paid.value;
  if (c.total_cost.value != null && waived != null && commercial != null && waived + commercial > c.total_cost.value) {
    c.commercial_paid = {
      reason: `医疗机构减免 ${formatCents(waived)} 元与商业补充保险赔付 ${formatCents(commercial)} 元之和大于医疗总费用 ${formatCents(c.total_cost.value)} 元，请核对`,
    };
  }
  const total = c.total_cost.value;
  const scope = c.policy_scope_cost.value;
  const basic = c.basic_paid.value;
  const critical = c.critical_paid.value;
  if (total != null && scope != null && scope > total) {
    c.policy_scope_cost = { reason: `政策范围内费用 ${formatCents(scope)} 元大于医疗总费用 ${formatCents(total)} 元，请核对` };
    return;
  }
  if (scope == null) return;
  if (basic != null && basic > scope) {
    c.basic_paid = { reason: `基本医保支付 ${formatCents(basic)} 元大于政策范围内费用 ${formatCents(scope)} 元，请核对` };
  } else if (critical != null && basic == null && c.basic_paid.reason === undefined) {
    c.basic_paid = { reason: "填写了大病保险支付时须同时填写基本医保支付（大病保险在基本医保之后结算）" };
  } else if (basic != null && critical != null && basic + critical > scope) {
    c.critical_paid = {
      reason: `基本医保支付 ${formatCents(basic)} 元与大病保险支付 ${formatCents(critical)} 元之和大于政策范围内费用 ${formatCents(scope)} 元，请核对`,
    };
  }
}
