"use server";

import { changeOwnPassword } from "@/lib/auth/change-own-password";
import { requirePasswordChangeContext } from "@/lib/auth/current-actor";
import { signOut } from "@/lib/auth/next-auth";
import { runAction, type ActionResult } from "@/lib/http/action-result";

export async function changePasswordAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const { ctx, reason, sessionId } = await requirePasswordChangeContext();
  return runAction(async () => {
    await changeOwnPassword(ctx, { current: form.get("current"), next: form.get("next"), confirm: form.get("confirm") }, { keepSessionId: sessionId, reason });
    return "密码已修改。本账号在其他设备上的登录已全部退出，下次登录请使用新密码。";
  });
}

export async function logoutFromPasswordPage() {
  await signOut({ redirectTo: "/login" });
}
