"use client";

import { useActionState } from "react";
import { Field, inputClass, SubmitButton } from "@/components/ui/form";
import type { ActionResult } from "@/lib/http/action-result";
import type { TownshipVillages } from "@/lib/people/get-register-correction-options";

type Props = {
  name: string;
  divisionCode: string;
  townships: TownshipVillages[];
  action: (prev: ActionResult, form: FormData) => Promise<ActionResult>;
};

/**
 * 更正登记信息, folded away: the register is corrected rarely and on evidence
 * (户籍信息), so the form stays out of the way until asked for. The server
 * checks everything again.
 */
export function RegisterCorrectionForm({ name, divisionCode, townships, action }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? {};
  return (
    <details className="mt-4 max-w-2xl rounded border border-slate-200 bg-white p-4 text-sm" open={state !== null}>
      {/* Open again after a correction too: its confirmation is inside. */}
      <summary className="cursor-pointer font-medium text-slate-700">更正登记信息（姓名、户籍所在村）</summary>
      <p className="mt-2 text-slate-500">
        各部门报送的名单不能修改人员的姓名和所在村；与登记不一致的行会被退回。经户籍信息核实登记确有错误的，在此更正，更正前后内容记入审计日志。
      </p>
      <form key={failed ? JSON.stringify(values) : "form"} action={formAction} className="mt-3 grid gap-3" noValidate>
        <Field label="姓名" error={failed?.field === "name" ? failed.message : undefined}>
          <input name="name" defaultValue={values.name ?? name} maxLength={30} className={inputClass} />
        </Field>
        <Field label="户籍所在村（社区）" error={failed?.field === "divisionCode" ? failed.message : undefined}>
          <select name="divisionCode" defaultValue={values.divisionCode ?? divisionCode} className={inputClass}>
            {townships.map((t) => (
              <optgroup key={t.code} label={t.name}>
                {t.villages.map((v) => <option key={v.code} value={v.code}>{t.name} {v.name}</option>)}
              </optgroup>
            ))}
          </select>
        </Field>
        <Field label="更正依据" error={failed?.field === "reason" ? failed.message : undefined}>
          <input name="reason" defaultValue={values.reason} maxLength={200} placeholder="如：经户籍信息核实，原登记姓名有误" className={inputClass} />
        </Field>
        <div className="flex items-center gap-3">
          <SubmitButton pending={pending}>确认更正</SubmitButton>
          {state?.ok ? <span role="status" className="text-green-700">{state.message}</span> : null}
          {failed && !["name", "divisionCode", "reason"].includes(failed.field ?? "") ? <span role="alert" className="text-red-700">{failed.message}</span> : null}
        </div>
      </form>
    </details>
  );
}
