"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/http/action-result";

const control = "rounded border border-slate-300 bg-white px-2 py-1 text-sm focus:border-brand-600 focus:outline-none";

type Props = { name: string; who: string; action: (prev: ActionResult, form: FormData) => Promise<ActionResult> };

/** Reopening a case closed in error: behind a button, with a required reason; the server checks it again. */
export function ReopenCaseForm({ name, who, action }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const [open, setOpen] = useState(false);
  if (!open && !failed) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="mt-1 text-sm text-brand-600 hover:underline" aria-label={`重新打开${name}的未参保记录`}>
        重新打开
      </button>
    );
  }
  return (
    <form action={formAction} className="mt-1 space-y-1" noValidate data-testid="reopen-form">
      <p className="text-xs text-slate-600">将 {who} 重新列入未销号名单，请说明原因：</p>
      <div className="flex flex-wrap items-start gap-2">
        <input name="reason" defaultValue={failed?.values?.reason} maxLength={200} placeholder="如：核实有误，本人未参军" aria-label={`${name}重新打开的原因`} className={`${control} w-56`} />
        <button type="submit" disabled={pending} className="rounded bg-brand-600 px-3 py-1 text-sm text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? "提交中…" : "确认重新打开"}
        </button>
        <button type="button" disabled={pending} onClick={() => setOpen(false)} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100">
          取消
        </button>
      </div>
      {failed ? <span role="alert" data-testid="reopen-error" className="block text-sm text-red-700">{failed.message}</span> : null}
    </form>
  );
}
