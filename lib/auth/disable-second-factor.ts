import { insertAudit } from "@/db/queries/audit";
import { deleteSecondFactor, totpEnabled } from "@/db/queries/second-factor";
import { findUserById } from "@/db/queries/users";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import { ForbiddenError, ValidationError } from "@/lib/errors/app-error";
import type { UseCaseContext } from "./context";
import { verifyPassword } from "./domain/password";
import { proveCurrentCode } from "./prove-second-factor";

/**
 * The user turns their second factor off, proving a current code or their
 * password (a lost phone: the password, or an administrator's reset). The
 * secret and the recovery codes are deleted. An administrator who must have
 * one is sent to set it up again at the next page. Audited both ways.
 */
export async function disableSecondFactor(ctx: UseCaseContext, raw: { code?: unknown; password?: unknown }): Promise<void> {
  if (ctx.actor.kind !== "user") throw new ForbiddenError();
  const user = ctx.actor.user;
  if (!(await totpEnabled(ctx.db, user.id))) throw new ValidationError("code", "尚未启用双因素鉴别");
  const code = typeof raw.code === "string" ? raw.code.trim() : "";
  const password = typeof raw.password === "string" ? raw.password : "";
  if (code) {
    await proveCurrentCode(ctx, code, "auth.totp_disable");
  } else if (password) {
    const row = await findUserById(ctx.db, user.id);
    if (!row || !(await verifyPassword(password, row.passwordHash))) {
      await insertAudit(ctx.db, auditRow(ctx.actor, { action: "auth.totp_disable", objectType: "user", objectId: user.id, outcome: "refused", detail: { reason: "密码不正确" } }));
      throw new ValidationError("password", "密码不正确，请重新输入");
    }
  } else {
    throw new ValidationError("code", "请输入当前的 6 位验证码，或输入登录密码");
  }
  await inTransaction(ctx.db, async (tx) => {
    await deleteSecondFactor(tx, user.id);
    await insertAudit(tx, auditRow(ctx.actor, { action: "auth.totp_disable", objectType: "user", objectId: user.id, detail: { proof: code ? "code" : "password" } }));
  });
}
