"use client";

import { useActionState } from "react";
import { Field, SubmitButton, inputClass } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/http/action-result";

type Props = {
  status: "active" | "disabled";
  toggle: (prev: ActionResult) => Promise<ActionResult>;
  reset: (prev: ActionResult, form: FormData) => Promise<ActionResult>;
};

export function AccountActions({ status, toggle, reset }: Props) {
  const [toggleState, toggleAction, toggling] = useActionState(toggle, null);
  const [resetState, resetAction, resetting] = useActionState(reset, null);
  return (
    <div className="max-w-xl space-y-4">
      <form action={toggleAction} className="rounded border border-slate-200 bg-white p-5">
        <h2 className="mb-2 font-medium">账号状态：{status === "active" ? "正常" : "已停用"}</h2>
        {toggleState ? <Notice tone={toggleState.ok ? "success" : "error"} testId="status-result">{toggleState.message}</Notice> : null}
        <button
          type="submit"
          disabled={toggling}
          className={`rounded px-4 py-2 text-sm text-white ${status === "active" ? "bg-red-600 hover:bg-red-700" : "bg-emerald-600 hover:bg-emerald-700"}`}
        >
          {status === "active" ? "停用账号" : "启用账号"}
        </button>
      </form>
      <form action={resetAction} className="space-y-3 rounded border border-slate-200 bg-white p-5" noValidate>
        <h2 className="font-medium">重置密码</h2>
        {resetState ? <Notice tone={resetState.ok ? "success" : "error"} testId="reset-result">{resetState.message}</Notice> : null}
        <Field label="新密码（至少10位，含三类字符）">
          <input name="password" type="password" autoComplete="new-password" className={inputClass} />
        </Field>
        <SubmitButton pending={resetting}>重置密码</SubmitButton>
      </form>
    </div>
  );
}
