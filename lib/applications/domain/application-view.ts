import { provisionalNoticeFor } from "@/lib/calendar/domain/provisional-notice";
import type { WorkingDayCalendar } from "@/lib/calendar/domain/working-day-calendar";
import type { DocumentItem, DocumentStatus } from "./documents";
import type { FilerKind } from "./intake-input";
import { ACTION_NAMES, STEP_NAMES, type ApplicationAction, type ApplicationState, type ApplicationStep } from "./states";
import { clockStatus, STEP_WORKING_DAYS, workingDaysUsed, type StepClock } from "./step-clock";

// What the case page (and every panel on it) shows of one application: the
// read model, built by lib/applications/get-application.ts. Personal data is
// masked here already (ID number, phone, account); the full values are only
// behind the audited reveal.

export type ClockView = {
  step: ApplicationStep;
  stepName: string;
  paused: boolean;
  /** null while paused. */
  dueOn: string | null;
  /** Working days left after today (0 on the due day), negative when overdue; null while paused. */
  daysLeft: number | null;
  overdue: boolean;
  /** Working days used (paused: up to the return) and left (paused: what resumes). */
  used: number;
  left: number;
  /** One sentence for the page: "还剩 3 个工作日（2026-11-27 到期）", "已超期 2 个工作日", the pause rule. */
  note: string;
  /** Set when the count runs through a provisional holiday year: the due date may still move (optional: the queue's fallback omits it). */
  provisionalNotice?: string | null;
};

export type ApplicationView = {
  id: string;
  caseNo: string;
  version: number;
  year: number;
  state: ApplicationState;
  stateName: string;
  urgent: boolean;
  urgentReason: string | null;
  acceptedOn: string;
  forwardedOn: string | null;
  approvedOn: string | null;
  townshipCode: string;
  townshipName: string;
  person: { id: string; name: string; idNumberMasked: string; placeName: string; divisionCode: string };
  filer: { kind: FilerKind; kindName: string; name: string | null; relation: string | null };
  /** "*******5678"; null when none on file. */
  phoneMasked: string | null;
  bank: { name: string | null; accountMasked: string | null; holderOnFile: boolean };
  diagnosisSummary: string | null;
  documents: { item: DocumentItem; name: string; status: DocumentStatus; statusName: string; dueOn: string | null; waiveReason: string | null }[];
  /** Names of the items still missing (容缺受理). */
  missingDocuments: string[];
  survey: { surveyedOn: string; visitors: string; findings: string; householdSituation: string; recordedByName: string | null } | null;
  transitions: {
    id: number;
    action: string;
    actionName: string;
    fromState: ApplicationState | null;
    fromName: string | null;
    toState: ApplicationState;
    toName: string;
    onDate: string;
    at: string;
    actorName: string;
    reason: string | null;
  }[];
  /** null in the final states. */
  clock: ClockView | null;
  amounts: { computed: string | null; approved: string | null; paid: string | null; paidOn: string | null; overrideReason: string | null };
  refusal: { reason: string; refusedOn: string | null; notifiedOn: string | null; notifiedChannel: string | null } | null;
  jointMeeting: { required: boolean; meetingOn: string | null; departments: string[] };
  /** What the current user may attempt now (the server decides again on submit). */
  actions: ApplicationAction[];
  canRevealContact: boolean;
  /** The Beijing date the view was read on (the clock's "today"). */
  today: string;
};

/** The transition row's action in Chinese ("accept" is the intake, not a workflow action). */
export function transitionActionName(action: string): string {
  if (action === "accept") return "受理";
  return (ACTION_NAMES as Record<string, string>)[action] ?? action;
}

/** The pause rule of 退回补正 as the page states it (docs/policy.md §6, step-clock.ts). */
export const RETURN_CLOCK_RULE =
  `退回补正期间，乡镇审核的 ${STEP_WORKING_DAYS} 个工作日暂停计算：受理次日起至退回当日已用的工作日照计，` +
  "等待申请人补正材料的日子不计；材料补齐、恢复审核后，从恢复当日的次日起接着计算剩余的工作日（不重新计满 10 日）。" +
  "容缺受理的案件时限照常计算。";

/** The clock as the page and the lists show it. */
export function clockView(clock: StepClock, today: string, calendar: WorkingDayCalendar): ClockView {
  const s = clockStatus(clock, today, calendar);
  const stepName = STEP_NAMES[clock.step];
  const provisionalNotice = provisionalNoticeFor(calendar, clock.startedOn, today, s.paused ? null : s.due);
  if (s.paused) {
    return {
      step: clock.step,
      stepName,
      paused: true,
      dueOn: null,
      daysLeft: null,
      overdue: false,
      used: s.used,
      left: s.left,
      note: `退回补正中，${stepName}时限暂停：已用 ${s.used} 个工作日，恢复审核后还有 ${s.left} 个工作日。`,
      provisionalNotice,
    };
  }
  const used = workingDaysUsed(clock, today, calendar);
  const note = s.overdue
    ? `${stepName}已超期 ${-s.daysLeft} 个工作日（${s.due} 到期）。`
    : s.daysLeft === 0
      ? `${stepName}今天到期（${s.due}）。`
      : `${stepName}还剩 ${s.daysLeft} 个工作日（${s.due} 到期）。`;
  return { step: clock.step, stepName, paused: false, dueOn: s.due, daysLeft: s.daysLeft, overdue: s.overdue, used, left: Math.max(0, s.daysLeft), note, provisionalNotice };
}

/** Days left / overdue in a list cell: "剩 3 日", "今日到期", "超期 2 日", "暂停（剩 6 日）". */
export function daysLeftLabel(c: Pick<ClockView, "paused" | "daysLeft" | "left">): string {
  if (c.paused) return `暂停（剩 ${c.left} 日）`;
  const d = c.daysLeft ?? 0;
  if (d < 0) return `超期 ${-d} 日`;
  if (d === 0) return "今日到期";
  return `剩 ${d} 日`;
}
