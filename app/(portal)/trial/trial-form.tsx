"use client";

import { startTransition, useActionState, useState } from "react";
import { Field, SubmitButton, inputClass } from "@/components/ui/form";
import type { TrialClaimRow, TrialInput } from "@/lib/policies/domain/trial-form";
import type { TrialPolicyOption } from "@/lib/policies/trial-options";
import type { TrialState } from "./actions";
import { ClaimRowCells, CLAIM_COLUMNS } from "./claim-row";
import { TrialResult } from "./trial-result";

type Props = {
  action: (prev: TrialState, form: FormData) => Promise<TrialState>;
  options: TrialPolicyOption[];
  defaultPolicy: string;
};

const newRow = (): TrialClaimRow => ({
  date: "",
  setting: "inpatient",
  specialDisease: false,
  hospitalLevel: "2",
  referred: true,
  inCity: true,
  policyScopeCost: "",
  outOfScopeCost: "",
  basicPaid: "",
  criticalPaid: "",
  onApplication: false,
});

/** The whole form lives in state and is sent as one JSON field, so a refused run keeps every row as typed. */
export function TrialForm({ action, options, defaultPolicy }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const [input, setInput] = useState<TrialInput>(() => ({
    policy: defaultPolicy,
    category: options.find((o) => o.value === defaultPolicy)?.categories[0]?.code ?? "",
    birthDate: "",
    priorYearIncome: "",
    monitoringStandard: "",
    claims: [newRow()],
  }));
  const policy = options.find((o) => o.value === input.policy) ?? options[0]!;
  const set = (change: Partial<TrialInput>) => setInput((prev) => ({ ...prev, ...change }));
  const setRow = (i: number, change: Partial<TrialClaimRow>) =>
    setInput((prev) => ({ ...prev, claims: prev.claims.map((r, j) => (j === i ? { ...r, ...change } : r)) }));
  const choosePolicy = (value: string) => {
    const next = options.find((o) => o.value === value);
    const keep = next?.categories.some((c) => c.code === input.category);
    set({ policy: value, category: keep ? input.category : (next?.categories[0]?.code ?? "") });
  };
  const problems = state && !state.ok ? state.problems : [];
  const fieldsWithProblems = new Set(problems.map((p) => p.field));
  const groups = ["本地区政策", "预置政策"] as const;

  return (
    <div className="space-y-6">
      {/* Submitted through onSubmit, not the form's action: React resets a form
          after its action runs, and the selects would show their first options
          (特困人员, 一级) while the result was computed with what was chosen. */}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          startTransition(() => formAction(data));
        }}
        className="space-y-4 rounded border border-slate-200 bg-white p-5 print:hidden" noValidate>
        <input type="hidden" name="payload" value={JSON.stringify(input)} />
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
          <Field label="政策">
            <select value={input.policy} onChange={(e) => choosePolicy(e.target.value)} className={inputClass}>
              {groups.map((g) => (
                <optgroup key={g} label={g}>
                  {options.filter((o) => o.group === g).map((o) => (
                    <option key={o.value} value={o.value}>{o.label}</option>
                  ))}
                </optgroup>
              ))}
            </select>
          </Field>
          <Field label="救助对象类别">
            <select value={input.category} onChange={(e) => set({ category: e.target.value })} className={inputClass}>
              {policy.categories.map((c) => (
                <option key={c.code} value={c.code}>{c.name}</option>
              ))}
            </select>
          </Field>
          <Field label="出生日期（可选，按年龄计算的规则需要）">
            <input type="date" value={input.birthDate} onChange={(e) => set({ birthDate: e.target.value })} className={inputClass} />
          </Field>
        </div>
        <p className="text-xs text-slate-500">政策有效期：{policy.effective}</p>
        {policy.parameters.length > 0 ? (
          <div className="grid gap-4 md:grid-cols-2">
            {policy.parameters.map((p) => (
              <Field key={p.name} label={`${p.label}（可选，元；留空则用政策中配置的数值${p.configured ? `：${p.configured}` : "，本政策尚未配置"}）`}>
                <input
                  inputMode="decimal"
                  value={p.name === "priorYearIncome" ? input.priorYearIncome : input.monitoringStandard}
                  onChange={(e) => set(p.name === "priorYearIncome" ? { priorYearIncome: e.target.value } : { monitoringStandard: e.target.value })}
                  className={inputClass}
                />
              </Field>
            ))}
          </div>
        ) : null}

        <div className="overflow-x-auto">
          <table className="min-w-full text-sm" data-testid="claim-rows">
            <thead>
              <tr className="text-left text-slate-600">
                <th className="px-1 py-1 font-medium">笔</th>
                {CLAIM_COLUMNS.map((c) => (
                  <th key={c.key} className="px-1 py-1 font-medium whitespace-nowrap">{c.label}</th>
                ))}
                <th />
              </tr>
            </thead>
            <tbody>
              {input.claims.map((row, i) => (
                <tr key={i} className="border-t border-slate-100">
                  <td className="px-1 py-1 whitespace-nowrap">第{i + 1}笔</td>
                  <ClaimRowCells row={row} index={i} onChange={(change) => setRow(i, change)} invalid={(key) => fieldsWithProblems.has(`claims[${i}].${key}`)} />
                  <td className="px-1 py-1">
                    {input.claims.length > 1 ? (
                      <button type="button" onClick={() => set({ claims: input.claims.filter((_, j) => j !== i) })} className="text-red-700 hover:underline" aria-label={`删除第${i + 1}笔`}>
                        删除
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="text-xs text-slate-500">
          金额单位为元，最多两位小数。基本医保、大病保险已支付金额留空时按政策参数计算；填写大病保险已支付时须同时填写基本医保已支付。
        </p>
        {problems.length > 0 ? (
          <div data-testid="trial-errors" role="alert" className="rounded border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-700">
            <p className="font-medium">请更正以下内容后重新试算：</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {problems.map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="flex gap-3">
          <button
            type="button"
            disabled={input.claims.length >= 50}
            onClick={() => set({ claims: [...input.claims, { ...newRow(), date: input.claims[input.claims.length - 1]?.date ?? "" }] })}
            className="rounded border border-slate-300 px-4 py-2 text-sm hover:bg-slate-100 disabled:opacity-50"
          >
            增加一笔
          </button>
          <SubmitButton pending={pending}>试算</SubmitButton>
        </div>
      </form>
      {state?.ok ? <TrialResult outcome={state} /> : null}
    </div>
  );
}
