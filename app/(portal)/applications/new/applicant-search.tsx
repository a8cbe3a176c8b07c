"use client";

import { useActionState } from "react";
import { inputClass } from "@/components/ui/form";
import { findApplicantByIdAction, searchApplicantByNameAction } from "./actions";

/** Step 1: find the applicant in the township's register, by full ID number or by name (both by POST). */
export function ApplicantSearch({ name }: { name?: string }) {
  const [state, formAction, pending] = useActionState(findApplicantByIdAction, null);
  return (
    <div className="mb-6 grid grid-cols-1 gap-4 rounded border border-slate-200 bg-white p-4 lg:grid-cols-2">
      <form action={formAction} className="flex flex-wrap items-end gap-3" data-testid="applicant-id-search">
        <label className="text-sm">
          按身份证号查找
          <input name="idNumber" defaultValue={state?.value} maxLength={18} autoComplete="off" placeholder="完整18位" className={`${inputClass} block w-56 font-mono`} />
        </label>
        <button disabled={pending} className="rounded bg-brand-600 px-4 py-2 text-sm text-white disabled:opacity-60">查找</button>
        {state?.error ? <p role="alert" className="w-full text-sm text-red-700">{state.error}</p> : null}
      </form>
      <form action={searchApplicantByNameAction} className="flex flex-wrap items-end gap-3" data-testid="applicant-name-search">
        <label className="text-sm">
          按姓名查找
          <input name="name" defaultValue={name} maxLength={50} autoComplete="off" className={`${inputClass} block w-40`} />
        </label>
        <button className="rounded border border-brand-600 px-4 py-2 text-sm text-brand-600">查找</button>
      </form>
      <p className="text-xs text-slate-500 lg:col-span-2">只能查找本乡镇（街道）户籍登记的人员。身份证号加密保存，须输入完整号码；姓名可模糊查找。</p>
    </div>
  );
}
