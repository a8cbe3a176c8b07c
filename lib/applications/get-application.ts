import "server-only";
import { findApplicationView, type ApplicationViewRow } from "@/db/queries/application-views";
import { insertAudit } from "@/db/queries/audit";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/domain/can";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { MissingScheduleError } from "@/lib/calendar/domain/calendar-errors";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-working-day-calendar";
import { placeName } from "@/lib/divisions/domain/place-name";
import { NotFoundError } from "@/lib/errors/app-error";
import { maskIdNumber } from "@/lib/id-number/id-number";
import { clockView, transitionActionName, type ApplicationView, type ClockView } from "./domain/application-view";
import { DOCUMENT_ITEMS, DOCUMENT_NAMES, DOCUMENT_STATUS_NAMES, missingDocuments } from "./domain/documents";
import { FILER_KIND_NAMES, maskBankAccount, maskPhone } from "./domain/intake-input";
import { STATE_NAMES } from "./domain/states";
import type { StepClock } from "./domain/step-clock";
import { availableActions, type ApplicationCase } from "./domain/transitions";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One on-application case as its page shows it (masked), with the actions
 * the current user may take on it now. A malformed or unknown id is "not
 * found" (404); a case outside the actor's jurisdiction is refused (403) and
 * the refusal audited; every read is audited (who looked at which case).
 */
export async function getApplication(ctx: UseCaseContext, id: string): Promise<ApplicationView> {
  const objectId = typeof id === "string" ? id.slice(0, 36) : "";
  await requirePermission(ctx, "applications.view", { objectType: "application", objectId });
  if (!UUID.test(objectId) || id.length !== 36) throw new NotFoundError("找不到该申请，可能链接有误。");
  const row = await findApplicationView(ctx.db, id);
  if (!row) throw new NotFoundError("找不到该申请，可能链接有误。");
  await requireWithin(ctx, row.townshipCode, "applications.view", { objectType: "application", objectId: id });
  await insertAudit(ctx.db, auditRow(ctx.actor, { action: "applications.view", objectType: "application", objectId: id, detail: { caseNo: row.caseNo } }));

  const today = todayOf(ctx);
  const clock = clockOf(row);
  let clockShown: ClockView | null = null;
  if (clock) {
    try {
      clockShown = clockView(clock, today, await loadWorkingDayCalendar(ctx.db));
    } catch (err) {
      // A year without a holiday schedule: show the stored due date, say why the count is missing.
      if (!(err instanceof MissingScheduleError)) throw err;
      clockShown = { step: clock.step, stepName: "", paused: clock.pausedOn !== null, dueOn: null, daysLeft: null, overdue: false, used: 0, left: 0, note: `${err.message}，暂不能计算剩余工作日。`, provisionalNotice: null };
    }
  }
  const documents = DOCUMENT_ITEMS.map((item) => {
    const d = row.documents.find((x) => x.item === item);
    const status = d?.status ?? "missing";
    return { item, name: DOCUMENT_NAMES[item], status, statusName: DOCUMENT_STATUS_NAMES[status], dueOn: d?.dueOn ?? null, waiveReason: d?.waiveReason ?? null };
  });
  const machineCase: ApplicationCase = {
    state: row.state,
    townshipCode: row.townshipCode,
    acceptedOn: row.acceptedOn,
    urgent: row.urgent,
    jointMeeting: row.jointMeeting,
    documents: documents.map((d) => ({ item: d.item, status: d.status })),
    surveyRecorded: row.survey !== null,
    bankDetailsOnFile: row.bankHolderOnFile && row.bankName !== null && row.bankAccountTail !== null,
    clock,
  };
  return {
    id: row.id,
    caseNo: row.caseNo,
    version: row.version,
    year: row.year,
    state: row.state,
    stateName: STATE_NAMES[row.state],
    urgent: row.urgent,
    urgentReason: row.urgentReason,
    acceptedOn: row.acceptedOn,
    forwardedOn: row.forwardedOn,
    approvedOn: row.approvedOn,
    townshipCode: row.townshipCode,
    townshipName: row.townshipName ?? row.townshipCode,
    person: {
      id: row.personId,
      name: row.personName,
      idNumberMasked: maskIdNumber(row.personIdNumber),
      placeName: placeName({ townshipName: row.personTownshipName, villageName: row.villageName, divisionCode: row.personDivision }),
      divisionCode: row.personDivision,
    },
    filer: { kind: row.filerKind, kindName: FILER_KIND_NAMES[row.filerKind], name: row.filerName, relation: row.filerRelation },
    phoneMasked: row.phoneTail ? maskPhone(row.phoneTail) : null,
    bank: { name: row.bankName, accountMasked: row.bankAccountTail ? maskBankAccount(row.bankAccountTail, row.bankAccountHead ?? undefined) : null, holderOnFile: row.bankHolderOnFile },
    diagnosisSummary: row.diagnosisSummary,
    documents,
    missingDocuments: missingDocuments(machineCase.documents).map((m) => DOCUMENT_NAMES[m]),
    survey: row.survey,
    transitions: row.transitions.map((t) => ({
      id: t.id,
      action: t.action,
      actionName: transitionActionName(t.action),
      fromState: t.fromState,
      fromName: t.fromState ? STATE_NAMES[t.fromState] : null,
      toState: t.toState,
      toName: STATE_NAMES[t.toState],
      onDate: t.onDate,
      at: t.at.toISOString(),
      // No account: the command line or the seed (lib/auth/domain/actor.ts).
      actorName: t.actorName ?? (t.actorId ? "（已删除的用户）" : "系统"),
      reason: t.reason,
    })),
    clock: clockShown,
    amounts: { computed: row.computedAmount, approved: row.approvedAmount, paid: row.paidAmount, paidOn: row.paidOn, overrideReason: row.overrideReason },
    refusal: row.refusalReason ? { reason: row.refusalReason, refusedOn: row.refusedOn, notifiedOn: row.notifiedOn, notifiedChannel: row.notifiedChannel } : null,
    jointMeeting: { required: row.jointMeeting, meetingOn: row.jointMeetingOn, departments: row.jointMeetingDepartments ?? [] },
    actions: availableActions(machineCase, ctx.actor.user),
    canRevealContact: can(ctx.actor.user, "applications.reveal_contact"),
    today,
  };
}

function clockOf(row: ApplicationViewRow): StepClock | null {
  if (row.clockStep === null || row.clockStartedOn === null) return null;
  return { step: row.clockStep, startedOn: row.clockStartedOn, usedBefore: row.clockUsedBefore, pausedOn: row.clockPausedOn };
}
