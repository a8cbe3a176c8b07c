"use client";

import { useActionState } from "react";
import { Field, SubmitButton, inputClass } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/http/action-result";

type Props = { action: (prev: ActionResult, form: FormData) => Promise<ActionResult>; suggestedMonth: string };

export function ConsolidateForm({ action, suggestedMonth }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const month = state && !state.ok ? (state.values?.month ?? suggestedMonth) : suggestedMonth;
  return (
    <form key={month} action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
      <Field label="名单月份" error={state && !state.ok && state.field === "month" ? state.message : undefined}>
        <input name="month" type="month" defaultValue={month} className={`${inputClass} w-48`} />
      </Field>
      <div className="pb-0.5">
        <SubmitButton pending={pending}>汇总比对</SubmitButton>
      </div>
      {state && !state.ok && state.field !== "month" ? <Notice tone="error" testId="consolidate-error">{state.message}</Notice> : null}
    </form>
  );
}
