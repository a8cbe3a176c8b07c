"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field, SubmitButton, inputClass } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import type { SecurityState } from "./actions";

type FormAction = (prev: SecurityState, form: FormData) => Promise<SecurityState>;

const codeInput = (
  <input name="code" autoComplete="one-time-code" inputMode="numeric" maxLength={7} placeholder="6 位数字" className={`${inputClass} block max-w-48 font-mono tracking-widest`} />
);

/** Recovery codes, shown once after they are made. */
function RecoveryCodes({ codes, done }: { codes: string[]; done: React.ReactNode }) {
  return (
    <div data-testid="recovery-codes">
      <Notice tone="warning">
        以下 {codes.length} 个恢复码只显示这一次，请立即抄写或打印，存放在手机以外的安全地方。手机丢失或无法使用时，每个恢复码可代替动态验证码登录一次。
      </Notice>
      <ol className="mb-4 grid grid-cols-2 gap-x-8 gap-y-1 rounded border border-slate-200 bg-slate-50 p-4 font-mono text-base sm:grid-cols-2">
        {codes.map((c) => (
          <li key={c} data-testid="recovery-code">{c}</li>
        ))}
      </ol>
      {done}
    </div>
  );
}

export function StartEnrolmentForm({ action }: { action: (prev: SecurityState) => Promise<SecurityState> }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      {state && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
      <SubmitButton pending={pending}>开始设置</SubmitButton>
    </form>
  );
}

export function ConfirmEnrolmentForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok && state.codes) {
    return (
      <div>
        <Notice tone="success" testId="totp-enabled">双因素鉴别已启用。今后登录时，输入密码后还须输入验证器应用上的 6 位数字。</Notice>
        <RecoveryCodes
          codes={state.codes}
          done={
            <Link href="/" data-testid="security-done" className="inline-block rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
              我已保存恢复码，进入工作台
            </Link>
          }
        />
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <Field label="验证器应用上显示的 6 位数字" error={state && !state.ok ? state.message : undefined}>
        {codeInput}
      </Field>
      <SubmitButton pending={pending}>验证并启用</SubmitButton>
    </form>
  );
}

export function RegenerateCodesForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok && state.codes) return <RecoveryCodes codes={state.codes} done={<p className="text-sm text-slate-600">原来的恢复码已全部作废。</p>} />;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <Field label="当前的 6 位验证码" error={state && !state.ok ? state.message : undefined}>
        {codeInput}
      </Field>
      <SubmitButton pending={pending}>重新生成恢复码</SubmitButton>
    </form>
  );
}

export function DisableForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) return <Notice tone="success" testId="totp-disabled">{state.message}</Notice>;
  const errorOf = (field: string) => (state && !state.ok && state.field === field ? state.message : undefined);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <p className="text-sm text-slate-600">输入当前的 6 位验证码；手机已丢失时，可改为输入登录密码。</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="当前的 6 位验证码" error={errorOf("code")}>
          {codeInput}
        </Field>
        <Field label="或：登录密码" error={errorOf("password")}>
          <input name="password" type="password" autoComplete="current-password" className={inputClass} />
        </Field>
      </div>
      {state && !state.ok && !state.field ? <Notice tone="error">{state.message}</Notice> : null}
      <button type="submit" disabled={pending} className="rounded bg-red-600 px-4 py-2 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-60">
        {pending ? "正在提交…" : "停用双因素鉴别"}
      </button>
    </form>
  );
}
