"use client";

import { useActionState } from "react";
import { inputClass } from "@/components/ui/form";
import { findByIdNumberAction } from "./actions";

export function IdSearch() {
  const [state, formAction, pending] = useActionState(findByIdNumberAction, null);
  return (
    <form action={formAction} className="mb-4 flex flex-wrap items-end gap-3" data-testid="id-search">
      <label className="text-sm">
        按身份证号查找
        <input
          name="idNumber"
          defaultValue={state?.value}
          maxLength={18}
          autoComplete="off"
          placeholder="完整18位"
          className={`${inputClass} w-56 font-mono`}
        />
      </label>
      <button disabled={pending} className="rounded border border-brand-600 px-4 py-2 text-sm text-brand-600">查找</button>
      <span className="text-xs text-slate-500">身份证号加密保存，只能按完整号码查找，不支持部分号码；按姓名可模糊查找。</span>
      {state?.error ? <p role="alert" className="w-full text-sm text-red-700">{state.error}</p> : null}
    </form>
  );
}
