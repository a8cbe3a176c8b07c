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
  const n = typeof value === "number" ? value : Number(String(value ?? ""));
  if (!Number.isSafeInteger(n) || n < 1) throw new ValidationError("version", "缺少案件版本号，请刷新页面后重试");
  return n;
}

function clockOf(row: NonNullable<Awaited<ReturnType<typeof findApplicationForWorkflow>>>): StepClock | null {
  if (row.clockStep === null || row.clockStartedOn === null) return null;
  return { step: row.clockStep, startedOn: row.clockStartedOn, usedBefore: row.clockUsedBefore, pausedOn: row.clockPausedOn };
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

  const c: ApplicationCase = {
    state: row.state,
    townshipCode: row.townshipCode,
    acceptedOn: row.acceptedOn,
    urgent: row.urgent,
    jointMeeting: row.jointMeeting,
    documents: row.documents,
    surveyRecorded: row.surveyRecorded,
    bankDetailsOnFile: row.bankOnFile,
    clock: clockOf(row),
  };
  const on = todayOf(ctx);
  const calendar = await loadWorkingDayCalendar(ctx.db);
  let decision: Decision;
  let due: string | null;
  try {
    decision = decide(c, req.command, ctx.actor.user, on, calendar);
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
    ...(req.patch?.(decision, on) ?? {}),
  };
  const by = accountId(ctx.actor);
  await inTransaction(ctx.db, async (tx) => {
    if (!(await updateApplicationIfVersion(tx, id, version, patch))) throw new ApplicationChangedError();
    await req.within?.(tx, decision);
    await insertTransition(tx, { applicationId: id, action: decision.action, fromState: decision.from, toState: decision.to, actorId: by, onDate: on, reason: req.reason ?? null });
    await insertAudit(
      tx,
      auditRow(ctx.actor, {
        action: `applications.${decision.action}`,
        objectType: "application",
        objectId: id,
        detail: { caseNo: row.caseNo, from: decision.from, to: decision.to, reason: req.reason ?? null, dueOn: due },
      }),
    );
  });
  return { state: decision.to, version: version + 1, dueOn: due };
}
