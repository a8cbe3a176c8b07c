"use client";

import { useActionState } from "react";
import { Field, SubmitButton, inputClass } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import type { ActivateResult } from "../../action-results";

type Props = { action: (prev: ActivateResult, form: FormData) => Promise<ActivateResult>; regionName: string; proposed: string; isDraft: boolean };

/**
 * 启用: from a date, in the user's region; earlier versions keep applying to
 * earlier dates. When the server says the activation shortens other versions,
 * the sentences are shown and 确认启用 sends back what was confirmed.
 */
export function ActivateForm({ action, regionName, proposed, isDraft }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const confirm = failed && "confirm" in failed ? failed.confirm : null;
  const values = failed && "values" in failed ? failed.values : undefined;
  return (
    <form key={failed ? `${failed.message}|${values?.activeFrom}` : "form"} action={formAction} className="space-y-3 rounded border border-slate-200 bg-white p-4" noValidate>
      <h2 className="font-medium">启用</h2>
      <p className="text-sm text-slate-600">
        从所填日期起，{regionName}的就医按本版本结算；此前的就医仍按当时的版本。日期早于今天时，该日期以后已结算的记录不会自动改变，需要时请重新结算。
        {isDraft ? "启用后本版本不能再修改。" : ""}
      </p>
      {state?.ok ? <Notice tone="success" testId="activate-result">{state.message}</Notice> : null}
      {confirm ? (
        <div data-testid="activate-confirm" className="space-y-2 rounded border border-amber-300 bg-amber-50 px-3 py-3 text-sm text-amber-900">
          <p className="font-medium">启用本版本将调整已发布版本的有效期：</p>
          <ul className="list-disc space-y-1 pl-5">
            {confirm.explanation.map((line) => (
              <li key={line}>{line}。</li>
            ))}
          </ul>
          <p>两版的衔接日之前的就医仍按原版本结算。确认无误请点“确认启用”；如需改期，请修改草稿的生效日期。</p>
          <input type="hidden" name="confirmOverlap" value={confirm.key} />
        </div>
      ) : null}
      <Field label="启用日期" error={confirm ? undefined : failed?.message}>
        <input name="activeFrom" type="date" defaultValue={values?.activeFrom ?? proposed} readOnly={!!confirm} className={inputClass} />
      </Field>
      <div className="flex gap-2">
        <SubmitButton pending={pending}>{confirm ? "确认启用" : "启用"}</SubmitButton>
        {confirm ? (
          <button type="button" onClick={() => window.location.reload()} className="rounded border border-slate-300 px-4 py-2 text-sm hover:bg-slate-100">
            取消
          </button>
        ) : null}
      </div>
    </form>
  );
}
