import { headerResolver, type HeaderLayout } from "@/lib/tabular-import/header-resolver";
import type { TableColumns } from "@/lib/tabular-import/read-table";

// The columns of the yearly enrolment file from the tax / insurance system
// (参保缴费数据): Chinese headers, English aliases, any order.

export const ENROLMENT_KEYS = ["id_number", "name", "year", "tier", "contribution", "tier1", "paid_on", "fee_exempt"] as const;
export type EnrolmentKey = (typeof ENROLMENT_KEYS)[number];

export const ENROLMENT_HEADERS: Record<EnrolmentKey, string> = {
  id_number: "身份证号",
  name: "姓名",
  year: "参保年度",
  tier: "缴费档次",
  contribution: "个人缴费标准",
  tier1: "一档个人缴费标准",
  paid_on: "缴费日期",
  fee_exempt: "免缴人员",
};

/** 一档个人缴费标准 is needed only on tier-2 rows; 免缴人员 defaults to 否. */
export const OPTIONAL_KEYS: readonly EnrolmentKey[] = ["tier1", "fee_exempt"];
export const REQUIRED_KEYS: readonly EnrolmentKey[] = ENROLMENT_KEYS.filter((k) => !OPTIONAL_KEYS.includes(k));

// Names the tax and insurance systems' own exports use for the same column.
const ALIASES: Record<EnrolmentKey, string[]> = {
  id_number: ["身份证号码", "公民身份号码", "证件号码", "idnumber"],
  name: ["参保人姓名", "name"],
  year: ["年度", "缴费年度", "参保年份", "year"],
  tier: ["档次", "参保档次", "缴费档次名称", "tier"],
  contribution: ["个人缴费", "个人缴费额", "个人应缴金额", "contribution"],
  tier1: ["一档缴费标准", "一档标准", "tier1contribution", "tier1"],
  paid_on: ["缴费时间", "缴费日", "paidon", "paiddate"],
  fee_exempt: ["免缴费人员", "是否免缴", "免缴", "feeexempt"],
};

export type EnrolmentLayout = HeaderLayout<EnrolmentKey>;

/** Maps header cells to columns; a blank, unknown or repeated header or a missing required column stops the file. */
export const resolveEnrolmentHeader = headerResolver<EnrolmentKey>({
  keys: ENROLMENT_KEYS,
  headers: ENROLMENT_HEADERS,
  aliases: ALIASES,
  required: REQUIRED_KEYS,
  expected: `表头应为：${ENROLMENT_KEYS.map((k) => ENROLMENT_HEADERS[k]).join("、")}（一档个人缴费标准、免缴人员可省略）`,
});

/** The columns for the shared import reader. */
export const ENROLMENT_COLUMNS: TableColumns<EnrolmentKey> = {
  keys: ENROLMENT_KEYS,
  headers: ENROLMENT_HEADERS,
  required: REQUIRED_KEYS,
  resolveHeader: resolveEnrolmentHeader,
  noun: "参保数据",
};
