// The monthly board's verdicts (docs/policy.md §2): each department sends its lists
// by the 5th (moved to the next working day), and the bureau consolidates
// within 5 working days of that deadline. Dates are Beijing calendar days;
// a deadline is null when the year's holiday schedule is not loaded, and then
// nothing is called late or missing on a guess.

export type SubmissionStatus = "on_time" | "late" | "missing" | "pending" | "sent" | "unknown";

export const SUBMISSION_STATUS_NAMES: Record<SubmissionStatus, string> = {
  on_time: "按时报送",
  late: "逾期报送",
  missing: "逾期未报",
  pending: "未到截止日",
  sent: "已报送",
  unknown: "未报送",
};

/**
 * The first accepted list of the month decides (a later correction does not
 * make a timely department late). Sent on the deadline day is on time.
 */
export function submissionStatus(a: { deadline: string | null; firstSentOn: string | null; today: string }): SubmissionStatus {
  if (a.firstSentOn) {
    if (!a.deadline) return "sent";
    return a.firstSentOn <= a.deadline ? "on_time" : "late";
  }
  if (!a.deadline) return "unknown";
  return a.today > a.deadline ? "missing" : "pending";
}

export type ConsolidationStatus = "done" | "done_late" | "overdue" | "pending" | "unknown";

export const CONSOLIDATION_STATUS_NAMES: Record<ConsolidationStatus, string> = {
  done: "已按时汇总",
  done_late: "已汇总（逾期）",
  overdue: "逾期未汇总",
  pending: "待汇总",
  unknown: "待汇总",
};

export function consolidationStatus(a: { due: string | null; firstRunOn: string | null; today: string }): ConsolidationStatus {
  if (a.firstRunOn) return !a.due || a.firstRunOn <= a.due ? "done" : "done_late";
  if (!a.due) return "unknown";
  return a.today > a.due ? "overdue" : "pending";
}
