import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/domain/can";
import { runTransition } from "./run-transition";

/**
 * 不予救助 with a written reason (003 §三(八) "对不符合救助条件的，要书面说明理由，并通知申请人"):
 * the township during its review, the county during its audit — the state
 * machine decides which, the permission is the one the actor holds.
 */
export async function refuseApplication(ctx: UseCaseContext, applicationId: unknown, input: { version?: unknown; reason?: unknown }) {
  const reason = typeof input.reason === "string" ? input.reason.trim() : "";
  const permission = can(ctx.actor.user, "applications.audit") ? "applications.audit" : "applications.intake";
  return runTransition(ctx, {
    applicationId,
    version: input.version,
    command: { action: "refuse", reason },
    permission,
    reason,
    patch: (_d, on) => ({ refusalReason: reason, refusedOn: on }),
  });
}
