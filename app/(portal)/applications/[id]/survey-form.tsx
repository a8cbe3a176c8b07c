"use client";

import { useActionState } from "react";
import { Field, inputClass, SubmitButton } from "@/components/ui/form";
import type { ActionResult } from "@/lib/http/action-result";

type Survey = { surveyedOn: string; visitors: string; findings: string; householdSituation: string } | null;

/** 入户调查记录: date, who visited, what they found, the household's situation (recording again replaces it). */
export function SurveyForm({ version, today, survey, action }: { version: number; today: string; survey: Survey; action: (prev: ActionResult, form: FormData) => Promise<ActionResult> }) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const v = (name: keyof NonNullable<Survey>) => failed?.values?.[name] ?? survey?.[name] ?? "";
  const err = (name: string) => (failed?.field === name ? failed.message : undefined);
  return (
    <form action={formAction} data-testid="survey-form" className="grid grid-cols-1 gap-4">
      <input type="hidden" name="version" value={version} />
      <Field label="调查日期" error={err("surveyedOn")}>
        <input type="date" name="surveyedOn" max={today} defaultValue={v("surveyedOn") || today} className={inputClass} />
      </Field>
      <Field label="调查人员" error={err("visitors")}>
        <input name="visitors" maxLength={100} defaultValue={v("visitors")} placeholder="如：李明、王芳（镇医保站）" className={inputClass} />
      </Field>
      <div>
        <Field label="调查情况" error={err("findings")}>
          <textarea name="findings" rows={3} maxLength={1000} defaultValue={v("findings")} placeholder="病情、就医和费用情况是否属实" className={inputClass} />
        </Field>
      </div>
      <div>
        <Field label="家庭经济状况" error={err("householdSituation")}>
          <textarea name="householdSituation" rows={3} maxLength={1000} defaultValue={v("householdSituation")} placeholder="家庭人口、收入、财产及生活困难情况" className={inputClass} />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending}>{survey ? "更新入户调查记录" : "保存入户调查记录"}</SubmitButton>
        {failed && !["surveyedOn", "visitors", "findings", "householdSituation"].includes(failed.field ?? "") ? <p role="alert" className="text-sm text-red-700">{failed.message}</p> : null}
        {state?.ok ? <p role="status" className="text-sm text-emerald-700">{state.message}</p> : null}
      </div>
    </form>
  );
}
