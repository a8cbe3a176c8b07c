"use client";

import { useActionState } from "react";
import { Field, SubmitButton, inputClass } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/http/action-result";

export type Option = { value: string; label: string };
type Values = { username?: string; displayName?: string; department?: string; role?: string; jurisdiction?: string };

type Props = {
  action: (prev: ActionResult, form: FormData) => Promise<ActionResult>;
  departments: Option[];
  roles: Option[];
  divisions: Option[];
  values?: Values;
  isNew: boolean;
};

export function UserForm({ action, departments, roles, divisions, values = {}, isNew }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const err = (f: string) => (state && !state.ok && state.field === f ? state.message : undefined);
  const v: Values = { ...values, ...(state && !state.ok ? state.values : {}) };
  return (
    // Keyed on what came back, so a failed submit remounts the form with the
    // submitted choices as defaults (React applies a select's defaultValue only on mount).
    <form key={state && !state.ok ? `${state.message}|${JSON.stringify(state.values)}` : "form"} action={formAction} className="max-w-xl space-y-4 rounded border border-slate-200 bg-white p-5" noValidate>
      {state && !state.ok && !state.field ? <Notice tone="error">{state.message}</Notice> : null}
      {state?.ok && state.message ? <Notice tone="success" testId="form-success">{state.message}</Notice> : null}
      {isNew ? (
        <Field label="用户名" error={err("username")}>
          <input name="username" defaultValue={v.username} className={inputClass} />
        </Field>
      ) : null}
      <Field label="姓名" error={err("displayName")}>
        <input name="displayName" defaultValue={v.displayName} className={inputClass} />
      </Field>
      <Field label="所属部门" error={err("department")}>
        <Select name="department" options={departments} value={v.department} />
      </Field>
      <Field label="角色" error={err("role")}>
        <Select name="role" options={roles} value={v.role} />
      </Field>
      <Field label="管辖区划" error={err("jurisdiction")}>
        <Select name="jurisdiction" options={divisions} value={v.jurisdiction} />
      </Field>
      {isNew ? (
        <Field label="初始密码（至少10位，含三类字符，不含用户名和姓名；本人首次登录时须修改）" error={err("password")}>
          <input name="password" type="password" autoComplete="new-password" className={inputClass} />
        </Field>
      ) : null}
      <SubmitButton pending={pending}>{isNew ? "创建用户" : "保存修改"}</SubmitButton>
    </form>
  );
}

function Select({ name, options, value }: { name: string; options: Option[]; value?: string }) {
  return (
    <select name={name} defaultValue={value ?? ""} className={inputClass}>
      <option value="" disabled>请选择</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>{o.label}</option>
      ))}
    </select>
  );
}
