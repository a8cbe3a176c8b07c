"use client";

import { useActionState } from "react";
import { verifyCodeAction, type VerifyState } from "./actions";

export function VerifyForm() {
  const [state, action, pending] = useActionState<VerifyState, FormData>(verifyCodeAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <label className="block">
        <span className="text-sm font-medium text-slate-700">动态验证码</span>
        <input
          name="code"
          autoComplete="one-time-code"
          inputMode="text"
          autoFocus
          maxLength={20}
          placeholder="6 位数字"
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2 text-center font-mono text-lg tracking-widest focus:border-brand-600 focus:outline-none"
        />
      </label>
      {state?.error ? (
        <p data-testid="verify-error" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700" role="status">
          {state.error}
        </p>
      ) : null}
      {state?.ended ? null : (
        <button type="submit" disabled={pending} className="w-full rounded bg-brand-600 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? "正在验证…" : "验证并登录"}
        </button>
      )}
    </form>
  );
}
