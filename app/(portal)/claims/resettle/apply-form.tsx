"use client";

import { useActionState } from "react";
import { Field, SubmitButton, inputClass } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/http/action-result";

type Props = {
  action: (prev: ActionResult, form: FormData) => Promise<ActionResult>;
  year: number;
  personId: string | null;
  fingerprint: string;
  count: number;
};

/** Confirms a previewed re-settlement with its reason; the server refuses it if the preview is out of date. */
export function ApplyForm({ action, year, personId, fingerprint, count }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form key={failed ? failed.message : "form"} action={formAction} className="max-w-2xl space-y-3 rounded border border-amber-200 bg-amber-50 p-5" noValidate>
      <input type="hidden" name="year" value={year} />
      {personId ? <input type="hidden" name="person" value={personId} /> : null}
      <input type="hidden" name="fingerprint" value={fingerprint} />
      {failed && failed.field !== "reason" ? <Notice tone="error" testId="apply-error">{failed.message}</Notice> : null}
      <Field label="重新结算原因（必填，将记入审计日志和每条新的结算结果）" error={failed?.field === "reason" ? failed.message : undefined}>
        <textarea name="reason" rows={2} maxLength={200} defaultValue={failed?.values?.reason} className={inputClass} placeholder="如：王某某低保认定日期更正为 2026-03-01" />
      </Field>
      <p className="text-sm text-slate-700">确认后，上表 {count} 条记录将按新结果结算，原结果保留为历史记录（不删除）。</p>
      <SubmitButton pending={pending}>确认重新结算</SubmitButton>
    </form>
  );
}
