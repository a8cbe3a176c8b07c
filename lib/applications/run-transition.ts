import "server-only";
import { findApplicationForWorkflow, insertTransition, updateApplicationIfVersion, type ApplicationPatch } from "@/db/queries/applications";
import { insertAudit } from "@/db/queries/audit";
import type { Tx } from "@/db";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { accountId } from "@/lib/auth/domain/actor";
import type { Action } from "@/lib/auth/domain/permissions";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { MissingScheduleError } from "@/lib/calendar/domain/calendar-errors";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-working-day-calendar";
import { AppError, NotFoundError, ValidationError } from "@/lib/errors/app-error";
import { dueDate, type StepClock } from "./domain/step-clock";
import type { WorkingDayCalendar } from "@/lib/calendar/domain/working-day-calendar";
import { decide, type ApplicationCase, type Decision, type WorkflowCommand } from "./domain/transitions";

// The one path every workflow step takes (not a use case itself; each step's
// use case is its own file and calls this): permission, the case, the
// jurisdiction, the state machine's decision, then — in one transaction — the
// update guarded by the version the user saw, the transition row and the
// audit row. A refusal by the machine changes nothing.

export class ApplicationChangedError extends AppError {
  constructor() {
    super("conflict", "该申请刚被他人办理或已变更，请刷新页面查看最新状态后再操作。");
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function versionOf(value: unknown): number {
  // Only a number or a string: String() of a deeply nested array overflowed the stack (a 500, found by tests/integration/fuzz-json-api.test.ts).
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new ValidationError("version", "缺少案件版本号，请刷新页面后重试");
  return n;
}

export type WorkflowRow = NonNullable<Awaited<ReturnType<typeof findApplicationForWorkflow>>>;

/** The state machine's view of a stored case. */
export function caseOf(row: WorkflowRow): ApplicationCase {
  const clock: StepClock | null =
    row.clockStep === null || row.clockStartedOn === null
      ? null
      : { step: row.clockStep, startedOn: row.clockStartedOn, usedBefore: row.clockUsedBefore, pausedOn: row.clockPausedOn };
  return {
    state: row.state,
    townshipCode: row.townshipCode,
    acceptedOn: row.acceptedOn,
    urgent: row.urgent,
    jointMeeting: row.jointMeeting,
    documents: row.documents,
    surveyRecorded: row.surveyRecorded,
    bankDetailsOnFile: row.bankOnFile,
    clock,
  };
}

export type StepRequest = {
  row: WorkflowRow;
  /** The version the user saw. */
  version: number;
  command: WorkflowCommand;
  patch?: (d: Decision, on: string) => ApplicationPatch;
  reason?: string | null;
  /** Extra fields of the audit row's detail. */
  detail?: Record<string, unknown>;
  within?: (tx: Tx, d: Decision) => Promise<void>;
};

/**
 * One case's step inside the caller's transaction — the inside of every
 * workflow change, single (runTransition) or many cases at once (the payment
 * batch operations): the state machine's decision, the clock and due date,
 * the update guarded by the version, the caller's `within` check, the
 * transition row and the audit row. Throws (and so rolls the transaction
 * back) on any refusal. The caller has checked permission and jurisdiction.
 */
export async function stepInTransaction(ctx: UseCaseContext, tx: Tx, step: StepRequest, on: string, calendar: WorkingDayCalendar): Promise<{ decision: Decision; due: string | null }> {
  const { row, version } = step;
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
    ...(step.patch?.(decision, on) ?? {}),
  };
  if (!(await updateApplicationIfVersion(tx, row.id, version, patch))) throw new ApplicationChangedError();
  await step.within?.(tx, decision);
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
  return { decision, due };
}

export type TransitionRequest = {
  applicationId: unknown;
  version: unknown;
  command: WorkflowCommand;
  permission: Action;
  /** Columns the step sets besides state and clock (e.g. the refusal reason). */
  patch?: (d: Decision, on: string) => ApplicationPatch;
  /** The reason written into the transition row. */
  reason?: string | null;
  /**
   * Runs inside the transaction after the version-checked update, before the
   * transition and audit rows: a check that must see the database as it is
   * committed (e.g. the annual pool of the person's other approvals). Throwing rolls everything back.
   */
  within?: (tx: Tx, d: Decision) => Promise<void>;
};

export async function runTransition(ctx: UseCaseContext, req: TransitionRequest): Promise<{ state: string; version: number; dueOn: string | null }> {
  const id = typeof req.applicationId === "string" ? req.applicationId : "";
  await requirePermission(ctx, req.permission, { objectType: "application", objectId: id.slice(0, 36) });
  if (!UUID.test(id)) throw new NotFoundError("找不到该申请，可能链接有误。");
  const version = versionOf(req.version);
  const row = await findApplicationForWorkflow(ctx.db, id);
  if (!row) throw new NotFoundError("找不到该申请，可能已被删除。");
  await requireWithin(ctx, row.townshipCode, req.permission, { objectType: "application", objectId: id });
  if (row.version !== version) throw new ApplicationChangedError();

  const on = todayOf(ctx);
  const calendar = await loadWorkingDayCalendar(ctx.db);
  const { decision, due } = await inTransaction(ctx.db, (tx) =>
    stepInTransaction(ctx, tx, { row, version, command: req.command, patch: req.patch, reason: req.reason, within: req.within }, on, calendar),
  );
  return { state: decision.to, version: version + 1, dueOn: due };
}
