"use client";

import { useActionState } from "react";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/http/action-result";

/** 计算资助: fills in the subsidies still missing for the year (after a policy is activated or a late roster arrives). */
export function ComputeForm({ year, pending: waiting, action }: { year: number; pending: number; action: (prev: ActionResult, form: FormData) => Promise<ActionResult> }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="year" value={year} />
      <span className="text-sm text-slate-600">{waiting > 0 ? `${waiting} 名救助对象已参保但尚未计算资助。` : "本年度资助均已计算。"}</span>
      {waiting > 0 ? (
        <button type="submit" disabled={pending} className="rounded border border-brand-600 px-3 py-1.5 text-sm text-brand-700 hover:bg-brand-50 disabled:opacity-60">
          {pending ? "正在计算…" : "计算资助"}
        </button>
      ) : null}
      {state ? <Notice tone={state.ok ? "success" : "error"} testId="compute-result">{state.message}</Notice> : null}
    </form>
  );
}
