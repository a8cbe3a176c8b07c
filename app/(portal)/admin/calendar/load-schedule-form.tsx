"use client";

import { useActionState, useState } from "react";
import { Field, SubmitButton, inputClass } from "@/components/ui/form";
import { FieldPathErrors } from "@/components/ui/field-path-errors";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/http/action-result";
import { FILE_TOO_LARGE, MAX_SCHEDULE_FILE_BYTES } from "./limits";
import { ScheduleFormat } from "./schedule-format";

type Props = { action: (prev: ActionResult, form: FormData) => Promise<ActionResult>; template: { year: number; json: string } };

/** Paste or upload one year's schedule; nothing is stored unless every field is right. */
export function LoadScheduleForm({ action, template }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const [fileError, setFileError] = useState<string | undefined>();
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? {};
  return (
    <section className="space-y-3 rounded border border-slate-200 bg-white p-5" aria-labelledby="load-schedule">
      <h2 id="load-schedule" className="font-medium">导入或更正年度安排</h2>
      <p className="text-sm text-slate-600">
        国务院办公厅公布新一年的节假日安排后，在此导入；发现某年有误时，导入该年的完整更正内容。每次导入保存为新版本，立即用于所有期限计算，旧版本保留备查。
      </p>
      <ScheduleFormat template={template} />
      {/* Keyed on the failure, so the form remounts with the submitted text as its default. */}
      <form key={failed ? `${failed.message}|${values.json ?? ""}` : "form"} action={formAction} className="space-y-3" noValidate>
        {failed && failed.field !== "schedule" && failed.field !== "note" ? <Notice tone="error">{failed.message}</Notice> : null}
        <Field label="粘贴 JSON 内容">
          <textarea name="json" rows={10} defaultValue={values.json} spellCheck={false} className={`${inputClass} font-mono text-xs`} placeholder='{ "year": 2027, "holidays": [...], "makeupWorkdays": [...], "source": "..." }' />
        </Field>
        <Field label="或选择 .json 文件（选择了文件时以文件为准）" error={fileError}>
          <input
            name="file"
            type="file"
            accept=".json,application/json"
            className="mt-1 block text-sm"
            onChange={(e) => {
              const tooLarge = (e.target.files?.[0]?.size ?? 0) > MAX_SCHEDULE_FILE_BYTES;
              setFileError(tooLarge ? FILE_TOO_LARGE : undefined);
              if (tooLarge) e.target.value = "";
            }}
          />
        </Field>
        <FieldPathErrors message={failed?.field === "schedule" ? failed.message : undefined} testId="schedule-error" />
        <Field label="说明（可选，如“更正：清明节日期”）" error={failed?.field === "note" ? failed.message : undefined}>
          <input name="note" defaultValue={values.note} maxLength={200} className={inputClass} />
        </Field>
        <SubmitButton pending={pending}>导入</SubmitButton>
      </form>
    </section>
  );
}
