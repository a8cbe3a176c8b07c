"use client";

import { useActionState } from "react";
import { inputClass } from "@/components/ui/form";
import type { ActionResult } from "@/lib/http/action-result";

const CHOICES = [
  { value: "assistance_granted", label: "已给予救助" },
  { value: "category_assigned", label: "已纳入救助类别" },
  { value: "dismissed", label: "排除（须说明理由）" },
];

export function OutcomeForm({ action }: { action: (prev: ActionResult, form: FormData) => Promise<ActionResult> }) {
  const [state, submit, pending] = useActionState(action, null);
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={submit} className="space-y-3 rounded border border-slate-200 bg-white p-4" data-testid="outcome-form">
      <fieldset className="text-sm">
        <legend className="mb-1 font-medium">办理结果</legend>
        {CHOICES.map((c) => (
          <label key={c.value} className="mr-4 inline-flex items-center gap-1">
            <input type="radio" name="outcome" value={c.value} defaultChecked={values?.outcome === c.value} /> {c.label}
          </label>
        ))}
      </fieldset>
      <label className="block text-sm">
        办理情况或理由
        <textarea name="reason" maxLength={200} rows={2} defaultValue={values?.reason ?? ""} className={`${inputClass} block w-full`} />
      </label>
      {state && !state.ok ? <p role="alert" className="text-sm text-red-700" data-testid="outcome-error">{state.message}</p> : null}
      <button disabled={pending} className="rounded bg-brand-600 px-4 py-2 text-sm text-white disabled:opacity-50">登记办结</button>
    </form>
  );
}
