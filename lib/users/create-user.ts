import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { findUserByUsername, insertUser } from "@/db/queries/users";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { hashPassword } from "@/lib/auth/domain/password";
import { passwordProblem } from "@/lib/auth/domain/password-policy";
import { requirePermission } from "@/lib/auth/require-permission";
import { AppError, ValidationError } from "@/lib/errors/app-error";
import { assertAssignable } from "./assert-assignable";
import { parseInput } from "./domain/parse-input";
import { createUserInput } from "./domain/user-input";

export async function createUser(ctx: UseCaseContext, raw: unknown): Promise<{ id: string }> {
  await requirePermission(ctx, "users.manage", { objectType: "user" });
  const input = parseInput(createUserInput, raw);
  const weak = passwordProblem(input.password, { username: input.username, displayName: input.displayName });
  if (weak) throw new ValidationError("password", weak);
  await assertAssignable(ctx, input);
  if (await findUserByUsername(ctx.db, input.username)) throw new AppError("conflict", "该用户名已被使用，请换一个", "username");
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx.db, async (tx) => {
    const { password: _omit, ...fields } = input;
    // The administrator chose the first password: the person changes it at their first sign-in.
    const user = await insertUser(tx, { ...fields, passwordHash, mustChangePassword: true });
    await insertAudit(tx, auditRow(ctx.actor, { action: "users.create", objectType: "user", objectId: user.id, detail: { after: { ...fields, mustChangePassword: true } } }));
    return { id: user.id };
  });
}
