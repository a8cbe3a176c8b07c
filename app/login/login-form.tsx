"use client";

import { useActionState } from "react";
import { loginAction, type LoginState } from "./actions";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<LoginState, FormData>(loginAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <label className="block">
        <span className="text-sm font-medium text-slate-700">用户名</span>
        <input
          name="username"
          autoComplete="username"
          defaultValue={state?.username ?? ""}
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-none"
        />
      </label>
      <label className="block">
        <span className="text-sm font-medium text-slate-700">密码</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-none"
        />
      </label>
      {state?.error ? (
        <p data-testid="login-error" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700" role="status">
          {state.error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-brand-600 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
