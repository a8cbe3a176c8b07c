// The states and actions of an on-application case (依申请救助, docs/policy.md §6,
// from 003 §三(八), with 000 §三(八)'s joint meeting and 002 §三's 容缺受理).
// Codes are English (they are stored and appear in the CLI's `byState`); the
// Chinese names are what the screens show.

export const APPLICATION_STATES = [
  "accepted", // 已受理：乡镇受理书面申请，township clock running
  "township_review", // 乡镇审核中：入户调查、基础资料审核
  "returned", // 退回补正：waiting for the applicant's documents, township clock paused
  "forwarded", // 已报县级：file sent, county clock running
  "county_review", // 县级审核中
  "joint_meeting", // 待联席会议：000 §三(八) "通过部门联席会议一事一议"
  "approved", // 已审批：payment clock running
  "in_batch", // 已列入支付批次
  "paid", // 已支付 (final)
  "payment_failed", // 支付失败：bank details to be corrected at the township
  "refused", // 不予救助 (final)
  // 公示异议复核: an objection to the quarterly notice was upheld (docs/policy.md §7); the county reviews the
  // approval again and confirms it (back to the state it left) or revokes it (refused; paid money to be recovered).
  "objection_review",
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const STATE_NAMES: Record<ApplicationState, string> = {
  accepted: "已受理",
  township_review: "乡镇审核中",
  returned: "退回补正",
  forwarded: "已报县级",
  county_review: "县级审核中",
  joint_meeting: "待联席会议审议",
  approved: "已审批待支付",
  in_batch: "已列入支付批次",
  paid: "已支付",
  payment_failed: "支付失败",
  refused: "不予救助",
  objection_review: "公示异议复核中",
};

export const FINAL_STATES: readonly ApplicationState[] = ["paid", "refused"];

/**
 * The states in which a case's approved amount is granted: approved, in a
 * payment batch, paid, waiting for corrected bank details, or under review
 * after an upheld objection to the notice (the grant stands until the county
 * revokes it; a paid amount is still paid). Its amount counts against the
 * person's annual limit pool (the county audit: a second case approved during
 * the review could otherwise take the same room twice) and as assistance
 * received (the monitoring of costs after assistance) — one list, so that a
 * new state cannot count in one and not the other.
 */
export const GRANTED_STATES = ["approved", "in_batch", "paid", "payment_failed", "objection_review"] as const satisfies readonly ApplicationState[];

export function isApplicationState(value: string): value is ApplicationState {
  return (APPLICATION_STATES as readonly string[]).includes(value);
}

export const APPLICATION_ACTIONS = [
  "begin_review", // 开始乡镇审核（入户调查）
  "return_for_documents", // 退回补正
  "resume_review", // 补正材料后恢复审核
  "forward", // 报送县级医保部门
  "begin_audit", // 县级开始审核
  "approve", // 审核通过（核定金额）
  "refer_to_joint_meeting", // 提交部门联席会议
  "record_joint_decision", // 登记联席会议决定（同意救助及金额）
  "refuse", // 不予救助（书面说明理由）
  "add_to_batch", // 列入支付批次
  "confirm_paid", // 银行确认已支付
  "mark_payment_failed", // 银行退回（账户有误等）
  "remove_from_batch", // 移出尚未发送银行的支付批次，重新待支付
  "correct_bank_details", // 乡镇更正银行账户后重新待支付
  "refer_objection", // 公示异议成立，退回县级复核
  "confirm_after_objection", // 复核后维持原审批
  "revoke_after_objection", // 复核后撤销救助
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

export const ACTION_NAMES: Record<ApplicationAction, string> = {
  begin_review: "开始乡镇审核",
  return_for_documents: "退回补正",
  resume_review: "补正后恢复审核",
  forward: "报送县级",
  begin_audit: "开始县级审核",
  approve: "审核通过",
  refer_to_joint_meeting: "提交部门联席会议",
  record_joint_decision: "登记联席会议决定",
  refuse: "不予救助",
  add_to_batch: "列入支付批次",
  confirm_paid: "确认支付",
  mark_payment_failed: "登记支付失败",
  remove_from_batch: "移出支付批次",
  correct_bank_details: "更正银行账户",
  refer_objection: "公示异议成立，退回县级复核",
  confirm_after_objection: "异议复核：维持原审批",
  revoke_after_objection: "异议复核：撤销救助",
};

export function isApplicationAction(value: string): value is ApplicationAction {
  return (APPLICATION_ACTIONS as readonly string[]).includes(value);
}

/** The three steps of 003 §三(八), each 10 working days. */
export type ApplicationStep = "township" | "county" | "payment";

export const STEP_NAMES: Record<ApplicationStep, string> = {
  township: "乡镇审核",
  county: "县级审核",
  payment: "资金支付",
};

/** Which step's clock a state belongs to; null for the final states. */
export const STATE_STEP: Record<ApplicationState, ApplicationStep | null> = {
  accepted: "township",
  township_review: "township",
  returned: "township",
  forwarded: "county",
  county_review: "county",
  joint_meeting: "county",
  approved: "payment",
  in_batch: "payment",
  payment_failed: "payment",
  paid: null,
  refused: null,
  // No statutory deadline for the review: the clock stops (no due date) until the county decides.
  objection_review: null,
};
