import "server-only";
import { findApplicationForWorkflow } from "@/db/queries/applications";
import { recoveryOfApplication as recoveryRow } from "@/db/queries/application-recoveries";
import type { UseCaseContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/domain/can";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { NotFoundError } from "@/lib/errors/app-error";
import { Money } from "@/lib/money/money";

export type RecoveryView = {
  amount: string;
  reason: string;
  paidOn: string;
  createdOn: string;
  createdByName: string | null;
  recoveredOn: string | null;
  recoveredReference: string | null;
  recoveredByName: string | null;
  /** The actor may record 追回到账 (the payment clerk's applications.pay, while still open). */
  canRecord: boolean;
};

/** The case's 追回 record for its page (who may see the case may see it), or null when there is none. */
export async function recoveryOfApplication(ctx: UseCaseContext, applicationId: string): Promise<RecoveryView | null> {
  await requirePermission(ctx, "applications.view", { objectType: "application", objectId: applicationId.slice(0, 36) });
  const row = /^[0-9a-f-]{36}$/i.test(applicationId) ? await findApplicationForWorkflow(ctx.db, applicationId) : null;
  if (!row) throw new NotFoundError("找不到该申请，可能链接有误。");
  await requireWithin(ctx, row.townshipCode, "applications.view", { objectType: "application", objectId: applicationId });
  const r = await recoveryRow(ctx.db, applicationId);
  if (!r) return null;
  return {
    amount: new Money(r.amount).toFixed(2),
    reason: r.reason,
    paidOn: r.paidOn,
    createdOn: r.createdOn,
    createdByName: r.createdByName,
    recoveredOn: r.recoveredOn,
    recoveredReference: r.recoveredReference,
    recoveredByName: r.recoveredByName,
    canRecord: r.recoveredOn === null && ctx.actor.kind === "user" && can(ctx.actor.user, "applications.pay"),
  };
}
