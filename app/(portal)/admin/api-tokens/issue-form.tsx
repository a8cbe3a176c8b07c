"use client";

import { useActionState, useState } from "react";
import { Field, SubmitButton, inputClass } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import type { IssueResult } from "./actions";

type Account = { id: string; username: string; displayName: string; actions: string[] };
type Props = { action: (prev: IssueResult, form: FormData) => Promise<IssueResult>; accounts: Account[]; actions: { value: string; label: string; routes: string }[] };

export function IssueTokenForm({ action, accounts, actions }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const issued = state && state.ok && "token" in state ? state : null;
  const v = failed?.values ?? {};
  const err = (f: string) => (failed?.field === f ? failed.message : undefined);
  // Only what the chosen account holds can be ticked (the server refuses the rest anyway); ticked by default.
  const [userId, setUserId] = useState<string>(typeof v.userId === "string" ? v.userId : "");
  const holds = new Set(accounts.find((a) => a.id === userId)?.actions ?? []);
  return (
    <div className="space-y-3">
      {issued ? (
        <div data-testid="issued-token" className="rounded border border-emerald-300 bg-emerald-50 p-4 text-sm">
          <p className="font-medium text-emerald-800">令牌已签发。请立即复制并交给对方系统的管理员：离开本页后无法再次查看。</p>
          <code data-testid="token-value" className="mt-2 block rounded bg-white px-3 py-2 font-mono text-sm break-all select-all">{issued.token}</code>
          <p className="mt-2 text-slate-600">调用时在请求头中加入 <code>Authorization: Bearer 令牌</code>。列表中以前缀 {issued.prefix} 识别。</p>
        </div>
      ) : null}
      <form key={failed ? `${failed.message}|${JSON.stringify(v)}` : issued?.prefix ?? "form"} action={formAction} className="space-y-3 rounded border border-slate-200 bg-white p-5" noValidate>
        <h2 className="font-medium">签发令牌</h2>
        <p className="text-sm text-slate-600">令牌以所选账号的身份、权限和管辖区划调用接口，账号停用或调整后立即生效。建议为每个外部系统建立专用账号。</p>
        {failed && !failed.field ? <Notice tone="error">{failed.message}</Notice> : null}
        <Field label="用途（如：县人民医院收费系统）" error={err("name")}>
          <input name="name" defaultValue={v.name} maxLength={60} className={inputClass} />
        </Field>
        <Field label="代表的账号" error={err("userId")}>
          <select name="userId" value={userId} onChange={(e) => setUserId(e.target.value)} className={inputClass}>
            <option value="" disabled>请选择</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>{a.displayName}（{a.username}）</option>
            ))}
          </select>
        </Field>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">可调用的接口</legend>
          {userId === "" ? <p className="mt-1 text-sm text-slate-500">请先选择账号，再勾选该账号可调用的接口。</p> : null}
          {actions.map((a) => (
            <label key={`${userId}|${a.value}`} className={`mt-1 flex items-center gap-2 text-sm ${holds.has(a.value) ? "" : "text-slate-400"}`}>
              <input type="checkbox" name="actions" value={a.value} defaultChecked={holds.has(a.value)} disabled={!holds.has(a.value)} />
              {a.label}（{a.routes}）{userId !== "" && !holds.has(a.value) ? "（该账号无此权限）" : null}
            </label>
          ))}
          {err("actions") ? <span className="mt-1 block text-sm text-red-700">{err("actions")}</span> : null}
        </fieldset>
        <SubmitButton pending={pending}>签发</SubmitButton>
      </form>
    </div>
  );
}
