"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field, SubmitButton, inputClass } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/http/action-result";

type Props = { action: (prev: ActionResult, form: FormData) => Promise<ActionResult> };

export function PasswordForm({ action }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) {
    return (
      <div>
        <Notice tone="success" testId="password-changed">{state.message}</Notice>
        <Link href="/" className="inline-block rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          进入工作台
        </Link>
      </div>
    );
  }
  const errorOf = (field: string) => (state && !state.ok && state.field === field ? state.message : undefined);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state && !state.ok ? (
        <p data-testid="password-error" role="status" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {/* A field's own message is shown under it; here only what belongs to no field. */}
          {state.field ? "未能修改密码，请按红字提示改正后重试。" : `未能修改密码：${state.message}`}
        </p>
      ) : null}
      <Field label="当前密码" error={errorOf("current")}>
        <input name="current" type="password" autoComplete="current-password" className={inputClass} />
      </Field>
      <Field label="新密码" error={errorOf("next")}>
        <input name="next" type="password" autoComplete="new-password" className={inputClass} />
      </Field>
      <Field label="再次输入新密码" error={errorOf("confirm")}>
        <input name="confirm" type="password" autoComplete="new-password" className={inputClass} />
      </Field>
      <SubmitButton pending={pending}>修改密码</SubmitButton>
    </form>
  );
}
