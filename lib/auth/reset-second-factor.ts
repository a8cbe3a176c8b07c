import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { deleteSecondFactor, totpEnabled } from "@/db/queries/second-factor";
import { updateUser } from "@/db/queries/users";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import { ValidationError } from "@/lib/errors/app-error";
import { findManagedUser } from "@/lib/users/update-user";
import type { UseCaseContext } from "./context";
import { requirePermission } from "./require-permission";

/** Whether a managed user has a second factor enabled (the user page shows the reset button only then). */
export async function managedUserHasSecondFactor(ctx: UseCaseContext, userId: string): Promise<boolean> {
  await requirePermission(ctx, "users.manage", { objectType: "user", objectId: userId });
  const user = await findManagedUser(ctx, userId);
  return totpEnabled(ctx.db, user.id);
}

/**
 * An administrator removes a user's second factor (a lost or replaced
 * phone, after checking it is the person): secret and recovery codes deleted,
 * the user's sessions ended; an administrator must set one up again at the
 * next sign-in. Not for one's own account (账户安全 is the way there).
 * Audited, never with the secret.
 */
export async function resetSecondFactor(ctx: UseCaseContext, userId: string): Promise<void> {
  const target = { objectType: "user", objectId: userId };
  await requirePermission(ctx, "users.manage", target);
  const user = await findManagedUser(ctx, userId);
  if (user.id === ctx.actor.user.id) throw new ValidationError("secondFactor", "不能重置本人的双因素鉴别，请在“账户安全”页面停用或重新设置");
  await inTransaction(ctx.db, async (tx) => {
    const had = await deleteSecondFactor(tx, user.id);
    if (!had) throw new ValidationError("secondFactor", "该用户未启用双因素鉴别，无需重置");
    await updateUser(tx, user.id, {}, true);
    await insertAudit(tx, auditRow(ctx.actor, { action: "users.reset_second_factor", ...target, detail: { sessionsEnded: true } }));
  });
}
