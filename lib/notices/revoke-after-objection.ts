import "server-only";
import { paymentOf } from "@/db/queries/notices";
import type { UseCaseContext } from "@/lib/auth/context";
import { runTransition } from "@/lib/applications/run-transition";
import { isUuid } from "./notice-access";

/**
 * 异议复核：撤销救助 — revokeAfterObjection(ctx, applicationId, { version, reason })
 * Permission: applications.audit (county reviewer or manager); jurisdiction and version checked by runTransition.
 * objection_review → refused. When money was already paid the refusal reason says that it must be recovered
 * (应予追回) with the amount and date; paid_on is cleared because a refused case has no payment date
 * (check applications_paid), while paid_amount, the transitions and the batch line keep the payment on record.
 * Returns runTransition's { state, version, dueOn }.
 */
export async function revokeAfterObjection(ctx: UseCaseContext, applicationId: unknown, input: { version?: unknown; reason?: unknown }) {
  const reason = typeof input.reason === "string" ? input.reason.trim() : "";
  const pay = isUuid(applicationId) ? await paymentOf(ctx.db, applicationId) : null;
  const paid = pay?.paidOn && pay.paidAmount ? ` 已于 ${pay.paidOn} 支付的救助金 ${pay.paidAmount} 元应予追回。` : "";
  const full = reason ? `公示异议复核撤销救助：${reason}${paid}` : "";
  return runTransition(ctx, {
    applicationId,
    version: input.version,
    command: { action: "revoke_after_objection", reason },
    permission: "applications.audit",
    reason: full || null,
    patch: (_d, on) => ({ refusalReason: full, refusedOn: on, paidOn: null }),
  });
}
