"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/next-auth";

export type LoginState = { error?: string; field?: "username" | "password"; username?: string } | null;

/** Only same-site paths, so the login page cannot be used to redirect elsewhere. */
function safeCallback(value: FormDataEntryValue | null): string {
  const v = typeof value === "string" ? value : "";
  return v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/login") ? v : "/";
}

export async function loginAction(_prev: LoginState, form: FormData): Promise<LoginState> {
  const username = String(form.get("username") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!username) return { error: "请输入用户名", field: "username" };
  if (!password) return { error: "请输入密码", field: "password", username };
  try {
    await signIn("credentials", { username, password, redirectTo: safeCallback(form.get("callbackUrl")) });
    return null;
  } catch (err) {
    if (err instanceof AuthError) {
      return { error: "用户名或密码错误，或账号已停用。请核对后重试；忘记密码请联系系统管理员重置。", username };
    }
    throw err; // the success redirect, and real failures
  }
}
