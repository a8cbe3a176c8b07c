import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { pushPasswordHistory } from "@/db/queries/password-history";
import { updateUser } from "@/db/queries/users";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { hashPassword } from "@/lib/auth/domain/password";
import { PASSWORD_HISTORY_DEPTH, passwordProblem } from "@/lib/auth/domain/password-policy";
import { refuseRecentPassword } from "@/lib/auth/password-reuse";
import { requirePermission } from "@/lib/auth/require-permission";
import { ValidationError } from "@/lib/errors/app-error";
import { findManagedUser } from "./update-user";

/**
 * Sets a new password chosen by the administrator, ends the user's sessions,
 * and marks it for a change at the next sign-in: the administrator knows it,
 * so it only lets the person in to choose their own.
 */
export async function resetPassword(ctx: UseCaseContext, userId: string, newPassword: unknown): Promise<void> {
  const target = { objectType: "user", objectId: userId };
  await requirePermission(ctx, "users.manage", target);
  const user = await findManagedUser(ctx, userId);
  if (typeof newPassword !== "string" || newPassword.length === 0) throw new ValidationError("password", "请填写新密码");
  const weak = passwordProblem(newPassword, { username: user.username, displayName: user.displayName });
  if (weak) throw new ValidationError("password", weak);
  await refuseRecentPassword(ctx.db, userId, newPassword, "password");
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(ctx.db, async (tx) => {
    await pushPasswordHistory(tx, userId, user.passwordHash, PASSWORD_HISTORY_DEPTH - 1);
    await updateUser(tx, userId, { passwordHash, mustChangePassword: true }, true);
    await insertAudit(tx, auditRow(ctx.actor, { action: "users.reset_password", ...target, detail: { mustChangeAtNextLogin: true } }));
  });
}
