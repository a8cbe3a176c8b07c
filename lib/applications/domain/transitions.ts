import type { WorkingDayCalendar } from "@/lib/calendar/domain/working-day-calendar";
import { Money } from "@/lib/money/money";
import { parseAmount } from "@/lib/money/parse-amount";
import { DOCUMENT_NAMES, missingDocuments, type DocumentEntry } from "./documents";
import { ACTION_NAMES, STATE_NAMES, type ApplicationAction, type ApplicationState } from "./states";
import { pauseClock, resumeClock, startClock, type StepClock } from "./step-clock";
import { WorkflowError } from "./workflow-errors";
import { coversCase, WORKFLOW_ROLE_NAMES, workflowRoleOf, type WorkflowActor, type WorkflowRole } from "./workflow-roles";

// The workflow of an on-application case as a pure state machine (no I/O):
// `decide` checks one command against the case and returns the next state and
// clock, or throws a WorkflowError. Every use case calls it before it writes,
// so an illegal transition is refused before anything changes.

/** What the machine needs to know about a case (the use case loads it). */
export type ApplicationCase = {
  state: ApplicationState;
  /** 12-digit code of the township (乡镇/街道) of the applicant's household registration. */
  townshipCode: string;
  acceptedOn: string;
  /** 特事特办 (003 §三(八) "如遇突发性重特大疾病患者，应特事特办、及时审核"). */
  urgent: boolean;
  /** The policy gives no on-application standard: the amount is decided by the joint meeting (000 §三(八)). */
  jointMeeting: boolean;
  documents: readonly DocumentEntry[];
  /** 入户调查 recorded (003 §三(八) "完成入户调查和基础资料审核"). */
  surveyRecorded: boolean;
  /** 户名, 开户行 and 账号 are on file. */
  bankDetailsOnFile: boolean;
  /** null in the final states. */
  clock: StepClock | null;
};

export const MAX_REASON_CHARS = 500;

export type ApproveCommand = {
  action: "approve";
  /** The amount approved (decimal string, yuan). */
  amount: string;
  /** What the engine computed for the ticked claims (lib/applications/domain/application-amount.ts). */
  computed: string;
  /** Room left in the annual limit pool; null when the policy sets none. Never exceeded, override or not. */
  ceiling: string | null;
  /** Required when the amount differs from the computed one. */
  reason?: string;
};

export type JointDecisionCommand = {
  action: "record_joint_decision";
  meetingOn: string;
  /** Departments present (e.g. 医保局、民政局、乡村振兴局). */
  departments: readonly string[];
  amount: string;
  ceiling: string | null;
};

export type WorkflowCommand =
  | { action: "begin_review" }
  | { action: "return_for_documents"; note: string }
  | { action: "resume_review" }
  | { action: "forward" }
  | { action: "begin_audit" }
  | ApproveCommand
  | { action: "refer_to_joint_meeting" }
  | JointDecisionCommand
  | { action: "refuse"; reason: string }
  | { action: "add_to_batch" }
  | { action: "confirm_paid"; paidOn: string; reference: string }
  | { action: "mark_payment_failed"; reason: string }
  | { action: "remove_from_batch"; reason: string }
  | { action: "correct_bank_details" }
  | { action: "refer_objection"; reason: string }
  /** returnTo: the state the case left for objection_review (its last transition into it says). */
  | { action: "confirm_after_objection"; returnTo: ApplicationState; reason: string }
  | { action: "revoke_after_objection"; reason: string };

type Rule = { from: readonly ApplicationState[]; roles: readonly WorkflowRole[]; to: ApplicationState };

const COUNTY: readonly WorkflowRole[] = ["county_reviewer", "manager"];
const TOWNSHIP: readonly WorkflowRole[] = ["township_clerk"];
const PAYMENT: readonly WorkflowRole[] = ["payment_clerk"];
const PUBLISHER: readonly WorkflowRole[] = ["township_publisher"];
/** The states of a granted case that a quarterly notice may list (docs/policy.md §7). */
export const OBJECTION_FROM: readonly ApplicationState[] = ["approved", "in_batch", "paid", "payment_failed"];

/**
 * The transitions: for each action, the states it may start from, the posts
 * that may make it there, and the state it leads to. `refuse` has two rows:
 * the township refuses during its review, the county during its audit.
 */
export const TRANSITIONS: Readonly<Record<ApplicationAction, readonly Rule[]>> = {
  begin_review: [{ from: ["accepted"], roles: TOWNSHIP, to: "township_review" }],
  return_for_documents: [{ from: ["accepted", "township_review"], roles: TOWNSHIP, to: "returned" }],
  resume_review: [{ from: ["returned"], roles: TOWNSHIP, to: "township_review" }],
  forward: [{ from: ["township_review"], roles: TOWNSHIP, to: "forwarded" }],
  begin_audit: [{ from: ["forwarded"], roles: COUNTY, to: "county_review" }],
  approve: [{ from: ["county_review"], roles: COUNTY, to: "approved" }],
  refer_to_joint_meeting: [{ from: ["county_review"], roles: COUNTY, to: "joint_meeting" }],
  record_joint_decision: [{ from: ["joint_meeting"], roles: COUNTY, to: "approved" }],
  refuse: [
    { from: ["accepted", "township_review", "returned"], roles: TOWNSHIP, to: "refused" },
    { from: ["forwarded", "county_review", "joint_meeting"], roles: COUNTY, to: "refused" },
  ],
  add_to_batch: [{ from: ["approved"], roles: PAYMENT, to: "in_batch" }],
  confirm_paid: [{ from: ["in_batch"], roles: PAYMENT, to: "paid" }],
  mark_payment_failed: [{ from: ["in_batch"], roles: PAYMENT, to: "payment_failed" }],
  // Taken out of a batch the bank has not yet received: approved again, so a later batch may take it.
  remove_from_batch: [{ from: ["in_batch"], roles: PAYMENT, to: "approved" }],
  correct_bank_details: [{ from: ["payment_failed"], roles: TOWNSHIP, to: "approved" }],
  refer_objection: [{ from: OBJECTION_FROM, roles: PUBLISHER, to: "objection_review" }],
  // `to` is a placeholder: the case goes back to the state it left (the command's returnTo, checked in decide).
  confirm_after_objection: [{ from: ["objection_review"], roles: COUNTY, to: "approved" }],
  revoke_after_objection: [{ from: ["objection_review"], roles: COUNTY, to: "refused" }],
};

/** Only the manager may approve an amount other than the computed one. */
export const OVERRIDE_ROLES: readonly WorkflowRole[] = ["manager"];

export type Decision = {
  action: ApplicationAction;
  from: ApplicationState;
  to: ApplicationState;
  clock: StepClock | null;
  /** The amount approved (approve, record_joint_decision), two decimals. */
  approvedAmount?: string;
  /** True when an approval differs from the computed amount (needs the override post and a reason). */
  overridden?: boolean;
};

function guard(field: string, message: string): never {
  throw new WorkflowError("guard", message, field);
}

function requireText(value: unknown, field: string, what: string): string {
  const text = typeof value === "string" ? value.trim() : "";
  if (!text) guard(field, `请填写${what}`);
  if ([...text].length > MAX_REASON_CHARS) guard(field, `${what}不能超过 ${MAX_REASON_CHARS} 个字，请精简`);
  return text;
}

function amountOf(value: unknown, field: string, what: string): Money {
  const parsed = parseAmount(value);
  if (!parsed.ok) guard(field, `${what}应为不小于 0、最多两位小数的金额，如 4300.00`);
  if (!parsed.value.greaterThan(0)) guard(field, `${what}为 0 元，不能审批通过；不符合救助条件的请作“不予救助”处理并书面说明理由`);
  return parsed.value;
}

function requireDocuments(c: ApplicationCase, what: string): void {
  const missing = missingDocuments(c.documents);
  if (missing.length > 0) {
    guard("documents", `尚缺 ${missing.map((m) => DOCUMENT_NAMES[m]).join("、")}，补齐或注明理由免予提供后才能${what}`);
  }
}

function withinCeiling(amount: Money, ceiling: string | null, field: string): void {
  if (ceiling === null) return;
  const room = new Money(ceiling);
  if (amount.greaterThan(room)) guard(field, `核定金额 ${amount.toFixed(2)} 元超过本年度救助限额剩余额度 ${room.toFixed(2)} 元`);
}

function rowFor(action: ApplicationAction, state: ApplicationState, role: WorkflowRole): Rule | undefined {
  return TRANSITIONS[action].find((r) => r.roles.includes(role) && r.from.includes(state));
}

/** Checks the post, the jurisdiction and the state; returns the matching row. */
function authorize(c: ApplicationCase, action: ApplicationAction, actor: WorkflowActor): { role: WorkflowRole; rule: Rule } {
  const role = workflowRoleOf(actor);
  const name = ACTION_NAMES[action];
  if (role === null) throw new WorkflowError("role", `您的岗位不办理依申请救助，不能${name}`);
  if (!TRANSITIONS[action].some((r) => r.roles.includes(role))) {
    throw new WorkflowError("role", `${WORKFLOW_ROLE_NAMES[role]}不能${name}`);
  }
  if (!coversCase(actor, c.townshipCode)) throw new WorkflowError("jurisdiction", "该申请不属于您的辖区，不能办理");
  const rule = rowFor(action, c.state, role);
  if (!rule) {
    throw new WorkflowError("state", `该申请当前为“${STATE_NAMES[c.state]}”，${WORKFLOW_ROLE_NAMES[role]}不能${name}`);
  }
  return { role, rule };
}

/**
 * Decides one command on `on` (the Beijing date of the action). Pure: the
 * caller writes the result (state, clock, transition row, audit) in one
 * transaction with an optimistic version check.
 */
export function decide(
  c: ApplicationCase,
  command: WorkflowCommand,
  actor: WorkflowActor,
  on: string,
  calendar: WorkingDayCalendar,
): Decision {
  const { role, rule } = authorize(c, command.action, actor);
  if (on < c.acceptedOn) guard("on", `办理日期 ${on} 早于受理日期 ${c.acceptedOn}`);
  const base = { action: command.action, from: c.state, to: rule.to };
  const clock = c.clock;
  switch (command.action) {
    case "begin_review":
      return { ...base, clock };
    case "return_for_documents":
      requireText(command.note, "note", "退回补正说明（写明需补正的材料）");
      return { ...base, clock: clock && pauseClock(clock, on, calendar) };
    case "resume_review":
      return { ...base, clock: clock && resumeClock(clock, on) };
    case "forward":
      if (!c.surveyRecorded) guard("survey", "尚未登记入户调查记录，不能报送县级");
      // 特事特办: only an urgent case may leave the township on the day it was accepted.
      if (!c.urgent && on === c.acceptedOn) guard("urgent", "非加急申请不能在受理当日报送县级；突发重特大疾病请在受理时标记为特事特办");
      return { ...base, clock: startClock("county", on) };
    case "begin_audit":
      return { ...base, clock };
    case "approve": {
      if (c.jointMeeting) guard("jointMeeting", "本政策对此类申请须经部门联席会议一事一议，请提交联席会议");
      requireDocuments(c, "审批通过");
      const amount = amountOf(command.amount, "amount", "核定救助金额");
      const computed = new Money(command.computed);
      const overridden = !amount.equals(computed);
      if (overridden) {
        if (!OVERRIDE_ROLES.includes(role)) {
          throw new WorkflowError(
            "role",
            `核定金额 ${amount.toFixed(2)} 元与按政策计算的 ${computed.toFixed(2)} 元不同，只有医保负责人可以调整金额`,
            "amount",
          );
        }
        requireText(command.reason, "reason", "调整金额的理由");
      }
      withinCeiling(amount, command.ceiling, "amount");
      return { ...base, clock: startClock("payment", on), approvedAmount: amount.toFixed(2), overridden };
    }
    case "refer_to_joint_meeting":
      if (!c.jointMeeting) guard("jointMeeting", "本政策对此类申请有救助标准，按计算金额审批即可，无需提交联席会议");
      requireDocuments(c, "提交联席会议");
      return { ...base, clock };
    case "record_joint_decision": {
      requireDocuments(c, "登记联席会议决定");
      if (typeof command.meetingOn !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(command.meetingOn)) {
        guard("meetingOn", "请填写联席会议日期，格式 YYYY-MM-DD");
      }
      if (command.meetingOn > on) guard("meetingOn", `联席会议日期 ${command.meetingOn} 晚于今天`);
      if (command.meetingOn < c.acceptedOn) guard("meetingOn", `联席会议日期 ${command.meetingOn} 早于受理日期`);
      const departments = command.departments.map((d) => d.trim()).filter(Boolean);
      if (departments.length === 0) guard("departments", "请填写参加联席会议的部门");
      const amount = amountOf(command.amount, "amount", "联席会议决定的救助金额");
      withinCeiling(amount, command.ceiling, "amount");
      return { ...base, clock: startClock("payment", on), approvedAmount: amount.toFixed(2) };
    }
    case "refuse":
      requireText(command.reason, "reason", "不予救助的理由（将写入不予救助告知书）");
      return { ...base, clock: null };
    case "add_to_batch":
      if (!c.bankDetailsOnFile) guard("bank", "缺少银行账户信息（户名、开户行、账号），不能列入支付批次");
      return { ...base, clock };
    case "confirm_paid":
      if (typeof command.paidOn !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(command.paidOn)) {
        guard("paidOn", "请填写银行支付日期，格式 YYYY-MM-DD");
      }
      if (command.paidOn > on) guard("paidOn", `支付日期 ${command.paidOn} 晚于今天`);
      requireText(command.reference, "reference", "银行支付流水号");
      return { ...base, clock: null };
    case "mark_payment_failed":
      requireText(command.reason, "reason", "支付失败原因（如账号有误）");
      return { ...base, clock };
    case "remove_from_batch":
      // The payment clock keeps running: the money is still due 10 working days after approval.
      requireText(command.reason, "reason", "移出支付批次的原因");
      return { ...base, clock };
    case "correct_bank_details":
      if (!c.bankDetailsOnFile) guard("bank", "请先填写更正后的银行账户信息");
      return { ...base, clock };
    case "refer_objection":
      requireText(command.reason, "reason", "异议成立的理由");
      return { ...base, clock: null };
    case "confirm_after_objection": {
      requireText(command.reason, "reason", "维持原审批的复核意见");
      if (!OBJECTION_FROM.includes(command.returnTo)) guard("returnTo", "找不到该案件进入异议复核前的状态");
      // Payment was held during the review: an unpaid case gets a fresh payment step from today.
      const back = command.returnTo === "paid" ? null : startClock("payment", on);
      return { ...base, to: command.returnTo, clock: back };
    }
    case "revoke_after_objection":
      requireText(command.reason, "reason", "撤销救助的理由");
      return { ...base, clock: null };
  }
}

/** The actions this actor may attempt on the case now (for buttons; the server still decides). */
export function availableActions(c: ApplicationCase, actor: WorkflowActor): ApplicationAction[] {
  const role = workflowRoleOf(actor);
  if (role === null || !coversCase(actor, c.townshipCode)) return [];
  return (Object.keys(TRANSITIONS) as ApplicationAction[]).filter((a) => rowFor(a, c.state, role) !== undefined);
}
