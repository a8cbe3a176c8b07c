// Why a 未参保 case is closed ("销号", docs/policy.md §2, 004 §三(五)). The codes are
// the `reason` enum of unenrolled_cases.

export const CASE_REASONS = ["army", "prison", "employee_insurance", "insured_elsewhere", "deceased", "enrolled"] as const;
export type CaseReason = (typeof CASE_REASONS)[number];

export const CASE_REASON_NAMES: Record<CaseReason, string> = {
  army: "参军",
  prison: "服刑",
  employee_insurance: "职工医保",
  insured_elsewhere: "异地参保",
  deceased: "死亡",
  enrolled: "已参保",
};

export function isCaseReason(value: unknown): value is CaseReason {
  return typeof value === "string" && (CASE_REASONS as readonly string[]).includes(value);
}

export const MAX_CASE_NOTE_CHARS = 200;

/** A reopening must say why (e.g. "核实有误，本人未参军"): at least a few characters. */
export const MIN_REOPEN_REASON_CHARS = 2;

/** The note of a case closed because its person appeared in an enrolment file. */
export const AUTO_CLOSE_NOTE = "参保缴费数据导入，自动销号";
