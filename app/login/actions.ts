"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/next-auth";
import { loginRefusalMessage } from "./login-message";

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
      return { error: loginRefusalMessage(err instanceof CredentialsSignin ? err.code : undefined), username };
    }
    throw err; // the success redirect, and real failures
  }
}
