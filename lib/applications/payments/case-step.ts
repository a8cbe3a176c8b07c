import "server-only";
import type { Tx } from "@/db";
import { findApplicationForWorkflow, insertTransition, updateApplicationIfVersion, type ApplicationPatch } from "@/db/queries/applications";
import { insertAudit } from "@/db/queries/audit";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { accountId } from "@/lib/auth/domain/actor";
import type { WorkingDayCalendar } from "@/lib/calendar/domain/working-day-calendar";
import { MissingScheduleError } from "@/lib/calendar/domain/calendar-errors";
import { ValidationError } from "@/lib/errors/app-error";
import { dueDate } from "../domain/step-clock";
import { decide, type ApplicationCase, type Decision, type WorkflowCommand } from "../domain/transitions";
import { ApplicationChangedError } from "../run-transition";

// One case's step inside a payment operation that moves several cases at once
// (a batch of cases into in_batch, a bank confirmation of many lines): the same
// state machine decision, version-checked update, transition row and audit row
// as runTransition, but in the caller's transaction, so the whole batch commits
// or nothing does. The caller has checked the permission and the jurisdiction.

export type WorkflowRow = NonNullable<Awaited<ReturnType<typeof findApplicationForWorkflow>>>;

export function caseOf(row: WorkflowRow): ApplicationCase {
  return {
    state: row.state,
    townshipCode: row.townshipCode,
    acceptedOn: row.acceptedOn,
    urgent: row.urgent,
    jointMeeting: row.jointMeeting,
    documents: row.documents,
    surveyRecorded: row.surveyRecorded,
    bankDetailsOnFile: row.bankOnFile,
    clock:
      row.clockStep === null || row.clockStartedOn === null
        ? null
        : { step: row.clockStep, startedOn: row.clockStartedOn, usedBefore: row.clockUsedBefore, pausedOn: row.clockPausedOn },
  };
}

export type CaseStep = {
  row: WorkflowRow;
  /** The version the user saw; null = the one just read in this transaction (the line's status is then the guard). */
  version: number | null;
  command: WorkflowCommand;
  patch?: ApplicationPatch;
  reason?: string | null;
  detail?: Record<string, unknown>;
};

/** Decides and writes one case's step in `tx`; throws (and so rolls back) on any refusal. */
export async function stepCase(ctx: UseCaseContext, tx: Tx, step: CaseStep, on: string, calendar: WorkingDayCalendar): Promise<void> {
  const { row } = step;
  const version = step.version ?? row.version;
  if (row.version !== version) throw new ApplicationChangedError();
  let decision: Decision;
  let due: string | null;
  try {
    decision = decide(caseOf(row), step.command, ctx.actor.user, on, calendar);
    due = decision.clock ? dueDate(decision.clock, calendar) : null;
  } catch (err) {
    if (err instanceof MissingScheduleError) throw new ValidationError("on", `${err.message}，才能计算办理时限`);
    throw err;
  }
  const clock = decision.clock;
  const patch: ApplicationPatch = {
    state: decision.to,
    clockStep: clock?.step ?? null,
    clockStartedOn: clock?.startedOn ?? null,
    clockUsedBefore: clock?.usedBefore ?? 0,
    clockPausedOn: clock?.pausedOn ?? null,
    dueOn: due,
    ...(step.patch ?? {}),
  };
  if (!(await updateApplicationIfVersion(tx, row.id, version, patch))) throw new ApplicationChangedError();
  await insertTransition(tx, { applicationId: row.id, action: decision.action, fromState: decision.from, toState: decision.to, actorId: accountId(ctx.actor), onDate: on, reason: step.reason ?? null });
  await insertAudit(
    tx,
    auditRow(ctx.actor, {
      action: `applications.${decision.action}`,
      objectType: "application",
      objectId: row.id,
      detail: { caseNo: row.caseNo, from: decision.from, to: decision.to, reason: step.reason ?? null, dueOn: due, ...step.detail },
    }),
  );
}

/** The case as it is now in `tx` (after the caller's locks), with a case-numbered error when it is gone. */
export async function workflowRowIn(tx: Tx, id: string): Promise<WorkflowRow> {
  const row = await findApplicationForWorkflow(tx, id);
  if (!row) throw new ValidationError("applicationIds", "所选申请中有一件已不存在，请刷新页面后重选");
  return row;
}
