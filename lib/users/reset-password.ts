import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { updateUser } from "@/db/queries/users";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { hashPassword, passwordProblem } from "@/lib/auth/domain/password";
import { requirePermission } from "@/lib/auth/require-permission";
import { ValidationError } from "@/lib/errors/app-error";
import { findManagedUser } from "./update-user";

/** Sets a new password chosen by the administrator and ends the user's sessions. */
export async function resetPassword(ctx: UseCaseContext, userId: string, newPassword: unknown): Promise<void> {
  const target = { objectType: "user", objectId: userId };
  await requirePermission(ctx, "users.manage", target);
  const user = await findManagedUser(ctx, userId);
  if (typeof newPassword !== "string" || newPassword.length === 0) throw new ValidationError("password", "请填写新密码");
  const weak = passwordProblem(newPassword, user.username);
  if (weak) throw new ValidationError("password", weak);
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(ctx.db, async (tx) => {
    await updateUser(tx, userId, { passwordHash }, true);
    await insertAudit(tx, auditRow(ctx.actor, { action: "users.reset_password", ...target }));
  });
}
