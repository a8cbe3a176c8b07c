"use client";

import { useActionState } from "react";
import { inputClass } from "@/components/ui/form";
import type { ActionResult } from "@/lib/http/action-result";

type Props = {
  testId: string;
  version: number;
  action: (prev: ActionResult, form: FormData) => Promise<ActionResult>;
  submitLabel: string;
  /** A required text (退回补正说明, 不予救助理由): its name, label and hint. */
  text?: { name: string; label: string; placeholder?: string };
  /** Asked before it is sent: the step cannot be undone from this page. */
  confirm?: string;
  tone?: "primary" | "danger" | "plain";
};

const TONES = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  danger: "bg-red-700 text-white hover:bg-red-800",
  plain: "border border-brand-600 text-brand-700 hover:bg-brand-50",
};

/** One workflow step as a small form: the version the page showed, an optional text, a button. */
export function TransitionForm({ testId, version, action, submitLabel, text, confirm, tone = "primary" }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form
      action={formAction}
      data-testid={testId}
      className="space-y-2"
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      <input type="hidden" name="version" value={version} />
      {text ? (
        <label className="block text-sm">
          <span className="font-medium text-slate-700">{text.label}</span>
          <textarea name={text.name} rows={3} maxLength={500} defaultValue={failed?.values?.[text.name]} placeholder={text.placeholder} className={inputClass} />
        </label>
      ) : null}
      <button type="submit" disabled={pending} className={`rounded px-4 py-2 text-sm font-medium disabled:opacity-60 ${TONES[tone]}`}>
        {pending ? "正在提交…" : submitLabel}
      </button>
      {failed ? <p role="alert" className="text-sm text-red-700">{failed.message}</p> : null}
      {state?.ok && state.message ? <p role="status" className="text-sm text-emerald-700">{state.message}</p> : null}
    </form>
  );
}
