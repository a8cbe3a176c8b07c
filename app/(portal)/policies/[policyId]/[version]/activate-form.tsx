"use client";

import { useActionState } from "react";
import { Field, SubmitButton, inputClass } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/http/action-result";

type Props = { action: (prev: ActionResult, form: FormData) => Promise<ActionResult>; regionName: string; proposed: string; isDraft: boolean };

/** 启用: from a date, in the user's region; earlier versions keep applying to earlier dates. */
export function ActivateForm({ action, regionName, proposed, isDraft }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form key={failed ? `${failed.message}|${failed.values?.activeFrom}` : "form"} action={formAction} className="space-y-3 rounded border border-slate-200 bg-white p-4" noValidate>
      <h2 className="font-medium">启用</h2>
      <p className="text-sm text-slate-600">
        从所填日期起，{regionName}的就医按本版本结算；此前的就医仍按当时的版本。日期早于今天时，该日期以后已结算的记录不会自动改变，需要时请重新结算。
        {isDraft ? "启用后本版本不能再修改。" : ""}
      </p>
      {state?.ok ? <Notice tone="success" testId="activate-result">{state.message}</Notice> : null}
      <Field label="启用日期" error={failed?.message}>
        <input name="activeFrom" type="date" defaultValue={failed?.values?.activeFrom ?? proposed} className={inputClass} />
      </Field>
      <SubmitButton pending={pending}>启用</SubmitButton>
    </form>
  );
}
