import "server-only";
import { listUsersWithin } from "@/db/queries/users";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { scopePrefix } from "@/lib/divisions/domain/division-code";
import { findManagedUser } from "./update-user";

export async function listUsers(ctx: UseCaseContext) {
  await requirePermission(ctx, "users.manage");
  return listUsersWithin(ctx.db, scopePrefix(ctx.actor.user.jurisdiction));
}

/** One user for the edit form, without the password hash. */
export async function getManagedUser(ctx: UseCaseContext, userId: string) {
  await requirePermission(ctx, "users.manage", { objectType: "user", objectId: userId });
  const { passwordHash: _omit, ...user } = await findManagedUser(ctx, userId);
  return user;
}
