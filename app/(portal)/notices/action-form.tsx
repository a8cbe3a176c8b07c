"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/http/action-result";

/** One form around one server action: the action's Chinese message (success or refusal) shown under it. */
export function ActionForm({ action, label, testId, children, className = "" }: { action: (prev: ActionResult, form: FormData) => Promise<ActionResult>; label: string; testId: string; children?: React.ReactNode; className?: string }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} className={`space-y-3 ${className}`} data-testid={testId}>
      {children}
      <button disabled={pending} className="whitespace-nowrap rounded bg-brand-600 px-4 py-2 text-sm text-white disabled:opacity-50">{pending ? "正在提交…" : label}</button>
      {state ? (
        <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`} data-testid={`${testId}-message`}>{state.message}</p>
      ) : null}
    </form>
  );
}
