import "server-only";
import type { Tx } from "@/db";
import { findApplicationForWorkflow, type ApplicationPatch } from "@/db/queries/applications";
import type { UseCaseContext } from "@/lib/auth/context";
import type { WorkingDayCalendar } from "@/lib/calendar/domain/working-day-calendar";
import { ValidationError } from "@/lib/errors/app-error";
import type { WorkflowCommand } from "../domain/transitions";
import { stepInTransaction, type WorkflowRow } from "../run-transition";

// One case's step inside a payment operation that moves several cases at once
// (a batch of cases into in_batch, a bank confirmation of many lines): the
// same in-transaction step as runTransition (stepInTransaction), in the
// caller's transaction, so the whole batch commits or nothing does. The
// caller has checked the permission and the jurisdiction.

export type { WorkflowRow };

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
  const { patch } = step;
  await stepInTransaction(
    ctx,
    tx,
    { row: step.row, version: step.version ?? step.row.version, command: step.command, patch: patch ? () => patch : undefined, reason: step.reason, detail: step.detail },
    on,
    calendar,
  );
}

/** The case as it is now in `tx` (after the caller's locks), with a case-numbered error when it is gone. */
export async function workflowRowIn(tx: Tx, id: string): Promise<WorkflowRow> {
  const row = await findApplicationForWorkflow(tx, id);
  if (!row) throw new ValidationError("applicationIds", "所选申请中有一件已不存在，请刷新页面后重选");
  return row;
}
