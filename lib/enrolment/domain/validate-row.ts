import type Decimal from "decimal.js";
import { formatAmount } from "@/lib/money/money";
import type { Check } from "@/lib/rosters/domain/check";
import { WHOLE_ROW, type RosterRowError } from "@/lib/rosters/domain/errors";
import { checkName } from "@/lib/rosters/domain/field-checks";
import { checkIdNumber, ymdNumber } from "@/lib/rosters/domain/id-check";
import { ENROLMENT_HEADERS as H } from "./columns";
import { checkAmount, checkFeeExempt, checkPaidOn, checkTier, checkYear } from "./field-checks";
import type { EnrolmentRow } from "../read-enrolment-file";
import { beijingToday } from "@/lib/calendar/domain/iso-date";

export type EnrolmentEntry = {
  idNumber: string;
  name: string;
  year: number;
  tier: 1 | 2;
  /** The chosen tier's individual contribution standard (个人缴费标准). */
  contribution: Decimal;
  /** The tier-1 standard the tier-2 rule refers to; equals `contribution` on tier-1 rows. */
  tier1: Decimal;
  paidOn: string;
  feeExempt: boolean;
};

/**
 * What a whole file must agree on, filled from its first clean row: one file
 * is one year of one region, so one 参保年度 and one 一档个人缴费标准.
 */
export type FileFacts = { year?: number; yearRow?: number; tier1?: Decimal; tier1Row?: number };

export type EnrolmentValidation = { ok: true; entry: EnrolmentEntry } | { ok: false; errors: RosterRowError[] };

/** Checks one row and reports every problem of it, by the Chinese column header. */
export function validateEnrolmentRow(raw: EnrolmentRow, facts: FileFacts, today: Date): EnrolmentValidation {
  if (raw.problems?.some((p) => p.column === WHOLE_ROW)) return { ok: false, errors: raw.problems };
  const { row, fields } = raw;
  const errors: RosterRowError[] = [...(raw.problems ?? [])];
  const note = (column: string, reason: string | undefined) => {
    if (reason && !errors.some((e) => e.column === column)) errors.push({ row, column, reason });
  };

  const id = checkIdNumber(fields.id_number, today, ymdNumber(today));
  const name = checkName(fields.name);
  const todayIso = beijingToday(today);
  const year = checkYear(fields.year, Number(todayIso.slice(0, 4)));
  const tier = checkTier(fields.tier);
  const contribution = checkAmount(fields.contribution, H.contribution);
  const tier1: Check<Decimal> | { value?: undefined; reason?: undefined } = fields.tier1 === "" ? {} : checkAmount(fields.tier1, H.tier1);
  const paidOn = checkPaidOn(fields.paid_on, year.value, todayIso);
  const feeExempt = checkFeeExempt(fields.fee_exempt);
  note(H.id_number, id.reason);
  note(H.name, name.reason);
  note(H.year, year.reason);
  note(H.tier, tier.reason);
  note(H.contribution, contribution.reason);
  note(H.tier1, tier1.reason);
  note(H.paid_on, paidOn.reason);
  note(H.fee_exempt, feeExempt.reason);

  if (year.value !== undefined) {
    if (facts.year === undefined) [facts.year, facts.yearRow] = [year.value, row];
    else if (year.value !== facts.year) note(H.year, `参保年度应与第 ${facts.yearRow} 行相同（${facts.year}）：一个文件只导入一个年度`);
  }
  // The tier-1 standard of the row: given, or the contribution itself on a tier-1 row.
  let standard: Decimal | undefined;
  if (tier.value === 1 && contribution.value) {
    if (tier1.value && !tier1.value.equals(contribution.value)) {
      note(H.tier1, `一档参保人员的个人缴费标准（${formatAmount(contribution.value)}）应等于一档个人缴费标准（${formatAmount(tier1.value)}），请核对`);
    }
    standard = contribution.value;
  } else if (tier.value === 2) {
    if (fields.tier1 === "") note(H.tier1, "二档参保人员须填写一档个人缴费标准（二档的资助按一档标准计算）");
    else if (tier1.value && contribution.value && !contribution.value.greaterThan(tier1.value)) {
      note(H.contribution, `二档个人缴费标准（${formatAmount(contribution.value)}）应高于一档个人缴费标准（${formatAmount(tier1.value)}），请核对缴费档次`);
    }
    standard = tier1.value;
  }
  if (standard && !errors.some((e) => e.column === H.tier1 || e.column === H.contribution)) {
    if (facts.tier1 === undefined) [facts.tier1, facts.tier1Row] = [standard, row];
    else if (!standard.equals(facts.tier1)) {
      note(tier.value === 1 ? H.contribution : H.tier1, `一档个人缴费标准应与第 ${facts.tier1Row} 行相同（${formatAmount(facts.tier1)} 元）：同一文件为同一地区同一年度的缴费数据`);
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    entry: {
      idNumber: id.value!,
      name: name.value!,
      year: year.value!,
      tier: tier.value!,
      contribution: contribution.value!,
      tier1: standard!,
      paidOn: paidOn.value!,
      feeExempt: feeExempt.value!,
    },
  };
}
