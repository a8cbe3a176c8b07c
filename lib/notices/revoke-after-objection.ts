import "server-only";
import { insertRecovery } from "@/db/queries/application-recoveries";
import { insertAudit } from "@/db/queries/audit";
import { paymentOf } from "@/db/queries/notices";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { accountId } from "@/lib/auth/domain/actor";
import { runTransition } from "@/lib/applications/run-transition";
import { Money } from "@/lib/money/money";
import { isUuid } from "./notice-access";

/**
 * 异议复核：撤销救助 — revokeAfterObjection(ctx, applicationId, { version, reason })
 * Permission: applications.audit (county reviewer or manager); jurisdiction and version checked by runTransition.
 * objection_review → refused. When money was already paid, the same transaction opens a 追回 record
 * (application_recoveries: the amount paid, the reason, the day paid; audited as applications.recovery_opened)
 * that the payment clerk closes with 追回到账 (lib/applications/payments/record-recovery-received.ts), and the
 * refusal reason says the sum is to be recovered. paid_on is cleared because a refused case has no payment date
 * (check applications_paid), while paid_amount, the transitions, the batch line and the recovery keep the payment on record.
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
    within: async (tx) => {
      // Read again in the transaction (after the version-checked update): the payment as it stood when the grant was revoked.
      const id = applicationId as string;
      const now = await paymentOf(tx, id);
      if (!pay?.paidOn || !now?.paidAmount) return;
      const amount = new Money(now.paidAmount).toFixed(2);
      await insertRecovery(tx, { applicationId: id, amount, reason, paidOn: pay.paidOn, createdOn: todayOf(ctx), createdBy: accountId(ctx.actor) });
      await insertAudit(tx, auditRow(ctx.actor, { action: "applications.recovery_opened", objectType: "application", objectId: id, detail: { amount, paidOn: pay.paidOn, reason } }));
    },
  });
}
