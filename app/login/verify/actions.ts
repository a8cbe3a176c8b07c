"use server";

import { redirect } from "next/navigation";
import { requireAwaitingSecondFactor } from "@/lib/auth/current-actor";
import { signOut } from "@/lib/auth/next-auth";
import { verifySecondFactor } from "@/lib/auth/verify-second-factor";
import { loginRefusalMessage } from "../login-message";

export type VerifyState = { error: string; ended?: boolean } | null;

export async function verifyCodeAction(_prev: VerifyState, form: FormData): Promise<VerifyState> {
  const { db, attempt } = await requireAwaitingSecondFactor();
  const result = await verifySecondFactor(db, { ...attempt, code: form.get("code") });
  if (result.ok) {
    // A recovery code was spent: the security page says how many are left.
    redirect(result.method === "recovery" ? `/account/security?recoveryLeft=${result.recoveryCodesLeft ?? 0}` : "/");
  }
  switch (result.reason) {
    case "malformed":
      return { error: "请输入验证器应用上显示的 6 位数字，或一个恢复码（如 abcde-fghjk）" };
    case "invalid":
      return { error: "验证码不正确或已使用过。请输入验证器应用上当前显示的 6 位数字（每个验证码只能使用一次）；连续错误 5 次账号将临时锁定。" };
    case "no_session":
      return { error: "本次登录已超时（须在输入密码后 10 分钟内输入验证码）或已结束，请重新登录。", ended: true };
    default:
      return { error: loginRefusalMessage(`${result.reason}:${result.until.toISOString()}`), ended: true };
  }
}

export async function backToLoginAction() {
  await signOut({ redirectTo: "/login" });
}
