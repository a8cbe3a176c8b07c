"use client";

import { useActionState } from "react";
import { Field, SubmitButton, inputClass } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/http/action-result";

type Props = { action: (prev: ActionResult, form: FormData) => Promise<ActionResult>; policyId: string; name: string; nextVersion: number };

/** 复制为新版本: the same policy id (its next version) or a new id (its version 1), as a draft to edit. */
export function CopyForm({ action, policyId, name, nextVersion }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const v = failed?.values ?? {};
  const err = (f: string) => (failed?.field === f ? failed.message : undefined);
  return (
    <form key={failed ? `${failed.message}|${JSON.stringify(v)}` : "form"} action={formAction} className="space-y-3 rounded border border-slate-200 bg-white p-4" noValidate>
      <h2 className="font-medium">复制为新版本</h2>
      <p className="text-sm text-slate-600">
        复制本版本的全部内容为草稿。沿用编号 {policyId} 即成为第 {nextVersion} 版；填写新编号（如本县的 longhui-2027）即成为新政策的第 1 版。
      </p>
      {failed && !failed.field ? <Notice tone="error">{failed.message}</Notice> : null}
      <Field label="政策编号" error={err("targetPolicyId")}>
        <input name="targetPolicyId" defaultValue={v.targetPolicyId ?? policyId} className={`${inputClass} font-mono`} />
      </Field>
      <Field label="政策名称" error={err("name")}>
        <input name="name" defaultValue={v.name ?? name} className={inputClass} />
      </Field>
      <Field label="说明（可选）" error={err("note")}>
        <input name="note" defaultValue={v.note} maxLength={200} className={inputClass} placeholder="如：2027年起提高依申请救助比例" />
      </Field>
      <SubmitButton pending={pending}>复制为草稿</SubmitButton>
    </form>
  );
}
