import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { pushPasswordHistory } from "@/db/queries/password-history";
import { endOtherSessions } from "@/db/queries/user-sessions";
import { findUserById, updateUser } from "@/db/queries/users";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import { ForbiddenError, ValidationError } from "@/lib/errors/app-error";
import type { UseCaseContext } from "./context";
import { hashPassword, verifyPassword } from "./domain/password";
import { PASSWORD_HISTORY_DEPTH, passwordProblem, type PasswordChangeReason } from "./domain/password-policy";
import { refuseRecentPassword } from "./password-reuse";

export type ChangeOwnPasswordInput = { current: unknown; next: unknown; confirm: unknown };

const text = (v: unknown) => (typeof v === "string" ? v : "");

/**
 * A signed-in user chooses a new password, proving the current one: the
 * policy (password-policy.ts), none of the last five, then the old hash into
 * the history, the forced-change mark cleared, the user's other sessions
 * ended (this one stays), and the audit row (never the password) in the same
 * transaction. A wrong current password is refused and audited.
 */
export async function changeOwnPassword(
  ctx: UseCaseContext,
  raw: ChangeOwnPasswordInput,
  opts: { keepSessionId: string | null; reason: PasswordChangeReason | null },
): Promise<void> {
  if (ctx.actor.kind !== "user") throw new ForbiddenError("只有登录的用户本人可以修改自己的密码。");
  const target = { objectType: "user", objectId: ctx.actor.user.id };
  const current = text(raw.current);
  const next = text(raw.next);
  if (!current) throw new ValidationError("current", "请填写当前密码");
  if (!next) throw new ValidationError("next", "请填写新密码");
  if (text(raw.confirm) !== next) throw new ValidationError("confirm", "两次输入的新密码不一致，请重新输入确认密码");
  const user = await findUserById(ctx.db, ctx.actor.user.id);
  if (!user) throw new ForbiddenError();
  if (!(await verifyPassword(current, user.passwordHash))) {
    await insertAudit(ctx.db, auditRow(ctx.actor, { action: "auth.password_change", ...target, outcome: "refused", detail: { reason: "当前密码不正确" } }));
    throw new ValidationError("current", "当前密码不正确，请重新输入");
  }
  const weak = passwordProblem(next, { username: user.username, displayName: user.displayName });
  if (weak) throw new ValidationError("next", weak);
  await refuseRecentPassword(ctx.db, user.id, next, "next");
  const passwordHash = await hashPassword(next);
  await inTransaction(ctx.db, async (tx) => {
    await pushPasswordHistory(tx, user.id, user.passwordHash, PASSWORD_HISTORY_DEPTH - 1);
    await updateUser(tx, user.id, { passwordHash, mustChangePassword: false }, false);
    const ended = await endOtherSessions(tx, user.id, opts.keepSessionId);
    await insertAudit(
      tx,
      auditRow(ctx.actor, { action: "auth.password_change", ...target, detail: { due: opts.reason ?? "voluntary", otherSessionsEnded: ended } }),
    );
  });
}
