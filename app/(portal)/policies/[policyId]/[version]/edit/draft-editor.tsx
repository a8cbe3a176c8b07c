"use client";

import { useActionState, useState } from "react";
import { Field, SubmitButton, inputClass } from "@/components/ui/form";
import { FieldPathErrors } from "@/components/ui/field-path-errors";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/http/action-result";

type Props = { action: (prev: ActionResult, form: FormData) => Promise<ActionResult>; json: string; note: string | null };

/**
 * The draft's record as JSON. The text is kept in state, so a refused save
 * leaves every edit in place; the problems are listed one per line with the
 * field path they concern.
 */
export function DraftEditor({ action, json, note }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const [text, setText] = useState(json);
  const [noteText, setNoteText] = useState(note ?? "");
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      {state?.ok ? <Notice tone="success" testId="save-result">{state.message}</Notice> : null}
      <FieldPathErrors message={failed?.message} testId="draft-errors" />
      <Field label="政策内容（JSON）">
        <textarea
          name="json"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={32}
          spellCheck={false}
          className={`${inputClass} font-mono text-xs leading-5`}
        />
      </Field>
      <Field label="版本说明（可选）">
        <input name="note" value={noteText} onChange={(e) => setNoteText(e.target.value)} maxLength={200} className={inputClass} />
      </Field>
      <SubmitButton pending={pending}>保存草稿</SubmitButton>
    </form>
  );
}
