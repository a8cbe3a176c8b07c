import { insertAudit } from "@/db/queries/audit";
import { findTotp, replaceRecoveryCodes, savePendingTotp, takeTotpStep } from "@/db/queries/second-factor";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import { idCrypto } from "@/lib/crypto/data-keys";
import { AppError, ForbiddenError, ValidationError } from "@/lib/errors/app-error";
import type { UseCaseContext } from "./context";
import { hashRecoveryCode, mayUseSecondFactor, newRecoveryCodes, readCode } from "./domain/second-factor";
import { checkTotp, newTotpSecret } from "./totp";

function own(ctx: UseCaseContext) {
  if (ctx.actor.kind !== "user" || !mayUseSecondFactor(ctx.actor.user.role)) throw new ForbiddenError("双因素鉴别供系统管理员和负责人使用。");
  return ctx.actor.user;
}

/**
 * Enrolment, step 1: a new secret (otplib, 160 bits) sealed with
 * PORTAL_DATA_KEY and kept unconfirmed; it replaces an earlier unconfirmed
 * one. An enabled second factor is not replaced here (turn it off first).
 */
export async function startSecondFactorEnrolment(ctx: UseCaseContext): Promise<void> {
  const user = own(ctx);
  if (!(await savePendingTotp(ctx.db, user.id, idCrypto().seal(newTotpSecret())))) {
    throw new AppError("conflict", "已启用双因素鉴别。如需更换手机，请先停用后重新设置。");
  }
}

/** The unconfirmed secret, for the page that shows it as a QR code and in groups; null when none or already enabled. */
export async function pendingSecondFactorSecret(ctx: UseCaseContext): Promise<string | null> {
  const user = own(ctx);
  const row = await findTotp(ctx.db, user.id);
  return row && !row.enabledAt ? idCrypto().open(row.secretSealed) : null;
}

/**
 * Enrolment, step 2: a code from the app proves it holds the secret; the
 * second factor is enabled, ten recovery codes are made (only their salted
 * hashes kept) and returned to be shown once. Audited both ways, never the
 * secret or a code.
 */
export async function confirmSecondFactorEnrolment(ctx: UseCaseContext, raw: unknown): Promise<string[]> {
  const user = own(ctx);
  const now = ctx.now ? ctx.now() : new Date();
  const typed = readCode(raw);
  if (typed.kind !== "totp") throw new ValidationError("code", "请输入验证器应用上显示的 6 位数字验证码");
  const row = await findTotp(ctx.db, user.id);
  if (!row) throw new ValidationError("code", "请先点击“开始设置”生成密钥");
  if (row.enabledAt) throw new AppError("conflict", "已启用双因素鉴别。");
  const step = await checkTotp(idCrypto().open(row.secretSealed), typed.code, row.lastStep, now);
  if (step === null) {
    await insertAudit(ctx.db, auditRow(ctx.actor, { action: "auth.totp_enable", objectType: "user", objectId: user.id, outcome: "refused", detail: { reason: "验证码错误" } }));
    throw new ValidationError("code", "验证码不正确。请确认已扫描本页的二维码，手机时间准确，并输入应用上当前显示的 6 位数字");
  }
  const codes = newRecoveryCodes();
  await inTransaction(ctx.db, async (tx) => {
    if (!(await takeTotpStep(tx, user.id, step, now))) throw new ValidationError("code", "该验证码已使用过，请等下一个验证码出现后再输入");
    await replaceRecoveryCodes(tx, user.id, codes.map((c) => hashRecoveryCode(c)));
    await insertAudit(tx, auditRow(ctx.actor, { action: "auth.totp_enable", objectType: "user", objectId: user.id, detail: { recoveryCodes: codes.length } }));
  });
  return codes;
}
