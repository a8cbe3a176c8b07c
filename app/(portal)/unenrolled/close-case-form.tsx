"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/http/action-result";

// Compact controls for a table cell (the form kit's inputs are full-width).
const control = "rounded border border-slate-300 bg-white px-2 py-1 text-sm focus:border-brand-600 focus:outline-none";

type Props = { name: string; reasons: { code: string; name: string }[]; action: (prev: ActionResult, form: FormData) => Promise<ActionResult> };

/** 销号 of one case: a reason is required, the note optional; the server checks both again. */
export function CloseCaseForm({ name, reasons, action }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? {};
  return (
    <form key={failed ? `${failed.message}|${values.note ?? ""}` : "form"} action={formAction} className="flex flex-wrap items-start gap-2" noValidate>
      <label className="text-xs">
        <span className="sr-only">{name}的销号原因</span>
        <select name="reason" defaultValue={values.reason ?? ""} aria-label={`${name}的销号原因`} className={`${control} w-28`}>
          <option value="">选择原因</option>
          {reasons.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
        </select>
      </label>
      <input name="note" defaultValue={values.note} maxLength={200} placeholder="说明（可选）" aria-label={`${name}的销号说明`} className={`${control} w-44`} />
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-3 py-1 text-sm text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? "提交中…" : "销号"}
      </button>
      {failed ? <span role="alert" data-testid="close-error" className="basis-full text-sm text-red-700">{failed.message}</span> : null}
    </form>
  );
}
