import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { updateUser } from "@/db/queries/users";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { ValidationError } from "@/lib/errors/app-error";
import { findManagedUser } from "./update-user";

/** Disables (ending every session at once) or re-enables an account. */
export async function setUserStatus(ctx: UseCaseContext, userId: string, status: "active" | "disabled"): Promise<void> {
  const target = { objectType: "user", objectId: userId };
  await requirePermission(ctx, "users.manage", target);
  const user = await findManagedUser(ctx, userId);
  if (user.id === ctx.actor.user.id && status === "disabled") throw new ValidationError("status", "不能停用自己的账号");
  if (user.status === status) return;
  await inTransaction(ctx.db, async (tx) => {
    await updateUser(tx, userId, { status }, true);
    await insertAudit(
      tx,
      auditRow(ctx.actor, { action: status === "disabled" ? "users.disable" : "users.enable", ...target, detail: { before: { status: user.status }, after: { status } } }),
    );
  });
}
