import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { clearGuard, findGuard } from "@/db/queries/login-guards";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { lockedUntil } from "@/lib/auth/domain/session-policy";
import { userGuardKey } from "@/lib/auth/verify-login";
import { ValidationError } from "@/lib/errors/app-error";
import { findManagedUser } from "./update-user";

/** Until when a managed account is locked after failed logins, or null. */
export async function accountLockedUntil(ctx: UseCaseContext, userId: string, now = new Date()): Promise<Date | null> {
  await requirePermission(ctx, "users.manage", { objectType: "user", objectId: userId });
  const user = await findManagedUser(ctx, userId);
  return lockedUntil(await findGuard(ctx.db, userGuardKey(user.username)), now);
}

/** 解锁: ends a failed-login lock early (the user called the administrator), and clears the count; audited. */
export async function unlockUser(ctx: UseCaseContext, userId: string, now = new Date()): Promise<void> {
  const target = { objectType: "user", objectId: userId };
  await requirePermission(ctx, "users.manage", target);
  const user = await findManagedUser(ctx, userId);
  const key = userGuardKey(user.username);
  const until = lockedUntil(await findGuard(ctx.db, key), now);
  if (!until) throw new ValidationError("status", "该账号当前未被锁定，无需解锁");
  await inTransaction(ctx.db, async (tx) => {
    await clearGuard(tx, key);
    await insertAudit(tx, auditRow(ctx.actor, { action: "auth.unlock", ...target, detail: { lockedUntil: until.toISOString() } }));
  });
}
