import "server-only";
import { stateBeforeObjection } from "@/db/queries/notices";
import type { UseCaseContext } from "@/lib/auth/context";
import { isApplicationState } from "@/lib/applications/domain/states";
import { runTransition } from "@/lib/applications/run-transition";
import { isUuid } from "./notice-access";

/**
 * 异议复核：维持原审批 — confirmAfterObjection(ctx, applicationId, { version, reason })
 * Permission: applications.audit (county reviewer or manager); jurisdiction and version checked by runTransition.
 * The case goes back to the state it left for objection_review (approved / in_batch / paid / payment_failed).
 * Returns runTransition's { state, version, dueOn }.
 */
export async function confirmAfterObjection(ctx: UseCaseContext, applicationId: unknown, input: { version?: unknown; reason?: unknown }) {
  const reason = typeof input.reason === "string" ? input.reason.trim() : "";
  // An unknown id finds no earlier state; runTransition then answers 找不到该申请 after the permission check.
  const before = isUuid(applicationId) ? await stateBeforeObjection(ctx.db, applicationId) : null;
  // No transition into objection review: the machine refuses by state anyway; "approved" only fills the command.
  const returnTo = before && isApplicationState(before) ? before : "approved";
  return runTransition(ctx, {
    applicationId,
    version: input.version,
    command: { action: "confirm_after_objection", returnTo, reason },
    permission: "applications.audit",
    reason: reason || null,
  });
}
