"use client";

import { useActionState, type ReactNode } from "react";
import { inputClass } from "@/components/ui/form";
import type { ActionResult } from "@/lib/http/action-result";

// One form of the audit panels: the version the page showed, hidden values,
// a few described fields (so a refused form keeps what was typed and marks
// the field the server named), optional static content (a table of
// checkboxes), a button, and the server's answer below it.

export type FieldSpec = {
  name: string;
  label: string;
  kind?: "text" | "date" | "amount" | "textarea" | "select";
  options?: readonly (readonly [string, string])[];
  placeholder?: string;
  defaultValue?: string;
  hint?: string;
  wide?: boolean;
};

type Props = {
  testId: string;
  version: number;
  action: (prev: ActionResult, form: FormData) => Promise<ActionResult>;
  submitLabel: string;
  hidden?: Record<string, string>;
  fields?: FieldSpec[];
  children?: ReactNode;
  confirm?: string;
  tone?: "primary" | "danger" | "plain" | "small";
  columns?: 1 | 2;
};

const TONES = {
  primary: "rounded px-4 py-2 text-sm font-medium bg-brand-600 text-white hover:bg-brand-700",
  danger: "rounded px-4 py-2 text-sm font-medium bg-red-700 text-white hover:bg-red-800",
  plain: "rounded px-4 py-2 text-sm font-medium border border-brand-600 text-brand-700 hover:bg-brand-50",
  small: "rounded px-2 py-1 text-xs border border-slate-300 text-slate-700 hover:bg-slate-100",
};

export function PanelForm({ testId, version, action, submitLabel, hidden, fields = [], children, confirm, tone = "primary", columns = 1 }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const value = (f: FieldSpec) => failed?.values?.[f.name] ?? f.defaultValue ?? "";
  return (
    <form
      action={formAction}
      data-testid={testId}
      className={tone === "small" ? "inline" : "space-y-2"}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      <input type="hidden" name="version" value={version} />
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children}
      {fields.length > 0 ? (
        <div className={columns === 2 ? "grid grid-cols-1 gap-2 sm:grid-cols-2" : "space-y-2"}>
          {fields.map((f) => {
            const bad = failed?.field === f.name;
            const cls = `${inputClass}${bad ? " border-red-500 ring-1 ring-red-300" : ""}`;
            return (
              <label key={`${f.name}-${value(f)}`} className={`block text-sm${f.wide && columns === 2 ? " sm:col-span-2" : ""}`}>
                <span className="font-medium text-slate-700">{f.label}</span>
                {f.kind === "textarea" ? (
                  <textarea name={f.name} rows={2} maxLength={500} defaultValue={value(f)} placeholder={f.placeholder} className={cls} aria-invalid={bad || undefined} />
                ) : f.kind === "select" ? (
                  <select name={f.name} defaultValue={value(f)} className={cls} aria-invalid={bad || undefined}>
                    {(f.options ?? []).map(([v, l]) => (
                      <option key={v} value={v}>
                        {l}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    name={f.name}
                    type={f.kind === "date" ? "date" : "text"}
                    inputMode={f.kind === "amount" ? "decimal" : undefined}
                    defaultValue={value(f)}
                    placeholder={f.placeholder}
                    className={cls}
                    aria-invalid={bad || undefined}
                  />
                )}
                {f.hint ? <span className="mt-0.5 block text-xs text-slate-500">{f.hint}</span> : null}
              </label>
            );
          })}
        </div>
      ) : null}
      <button type="submit" disabled={pending} className={`${TONES[tone]} disabled:opacity-60`}>
        {pending ? "正在提交…" : submitLabel}
      </button>
      {failed ? <p role="alert" className="text-sm text-red-700">{failed.message}</p> : null}
      {state?.ok && state.message ? <p role="status" className="text-sm text-emerald-700">{state.message}</p> : null}
    </form>
  );
}
