import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { findUserById, updateUser as updateUserRow } from "@/db/queries/users";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { isWithin } from "@/lib/divisions/domain/division-code";
import { NotFoundError, ValidationError } from "@/lib/errors/app-error";
import { assertAssignable } from "./assert-assignable";
import { parseInput } from "./domain/parse-input";
import { updateUserInput } from "./domain/user-input";

/** Changes name, department, role or jurisdiction; any change of the last three ends the user's sessions at once. */
export async function updateUser(ctx: UseCaseContext, userId: string, raw: unknown): Promise<void> {
  const target = { objectType: "user", objectId: userId };
  await requirePermission(ctx, "users.manage", target);
  const before = await findManagedUser(ctx, userId);
  const input = parseInput(updateUserInput, raw);
  await assertAssignable(ctx, input);
  if (before.id === ctx.actor.user.id && input.role !== before.role)
    throw new ValidationError("role", "不能修改自己的角色，请由另一位管理员办理");
  const accessChanged =
    input.role !== before.role || input.department !== before.department || input.jurisdiction !== before.jurisdiction;
  await inTransaction(ctx.db, async (tx) => {
    await updateUserRow(tx, userId, input, accessChanged);
    const pick = (u: typeof input) => ({ displayName: u.displayName, department: u.department, role: u.role, jurisdiction: u.jurisdiction });
    await insertAudit(tx, auditRow(ctx.actor, { action: "users.update", ...target, detail: { before: pick(before), after: pick(input) } }));
  });
}

/** The user, if within the admin's jurisdiction; otherwise as if it did not exist. */
export async function findManagedUser(ctx: UseCaseContext, userId: string) {
  const user = /^[0-9a-f-]{36}$/i.test(userId) ? await findUserById(ctx.db, userId) : undefined;
  if (!user || !isWithin(user.jurisdiction, ctx.actor.user.jurisdiction)) throw new NotFoundError("找不到该用户。");
  return user;
}
