import { insertAudit } from "@/db/queries/audit";
import { findGuard } from "@/db/queries/login-guards";
import { findTotp, takeTotpStep } from "@/db/queries/second-factor";
import { auditRow } from "@/lib/audit/audit-entry";
import { idCrypto } from "@/lib/crypto/data-keys";
import { ValidationError } from "@/lib/errors/app-error";
import type { UseCaseContext } from "./context";
import { readCode } from "./domain/second-factor";
import { authPolicy, beijingClock, lockedUntil } from "./domain/session-policy";
import { checkTotp } from "./totp";
import { countLoginFailure, ipGuardKey, userGuardKey } from "./verify-login";

/**
 * A signed-in user proves they still hold the authenticator (to turn it off,
 * or for new recovery codes): a current code, each time step once. A wrong
 * code is audited as `action` refused and counts toward the account's lock,
 * so a session left open cannot be used to guess codes.
 */
export async function proveCurrentCode(ctx: UseCaseContext, raw: unknown, action: string, field = "code"): Promise<void> {
  if (ctx.actor.kind !== "user") throw new ValidationError(field, "只有登录的用户本人可以操作");
  const user = ctx.actor.user;
  const now = ctx.now ? ctx.now() : new Date();
  const userKey = userGuardKey(user.username);
  const locked = lockedUntil(await findGuard(ctx.db, userKey), now);
  if (locked) throw new ValidationError(field, `验证码错误次数过多，账号已临时锁定，请于 ${beijingClock(locked, now)}（北京时间）后再试`);
  const typed = readCode(raw);
  if (typed.kind !== "totp") throw new ValidationError(field, "请输入验证器应用上显示的 6 位数字验证码");
  const totp = await findTotp(ctx.db, user.id);
  const step = totp?.enabledAt ? await checkTotp(idCrypto().open(totp.secretSealed), typed.code, totp.lastStep, now) : null;
  if (step !== null && (await takeTotpStep(ctx.db, user.id, step))) return;
  await countLoginFailure(ctx.db, userKey, ipGuardKey(ctx.actor.ip), now, authPolicy());
  await insertAudit(ctx.db, auditRow(ctx.actor, { action, objectType: "user", objectId: user.id, outcome: "refused", detail: { reason: "验证码错误或已使用过" } }));
  throw new ValidationError(field, "验证码不正确或已使用过，请输入验证器应用上当前显示的 6 位数字（每个验证码只能使用一次）");
}
