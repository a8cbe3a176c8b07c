"use client";

import { useActionState } from "react";
import { Field, SubmitButton, inputClass } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/http/action-result";

type Props = {
  status: "active" | "disabled";
  toggle: (prev: ActionResult) => Promise<ActionResult>;
  reset: (prev: ActionResult, form: FormData) => Promise<ActionResult>;
  /** Beijing time the failed-login lock ends, when the account is locked. */
  lockedUntil: string | null;
  unlock: (prev: ActionResult) => Promise<ActionResult>;
  /** The user has a second factor enabled (not shown for one's own account). */
  secondFactor: boolean;
  resetSecondFactor: (prev: ActionResult) => Promise<ActionResult>;
};

export function AccountActions({ status, toggle, reset, lockedUntil, unlock, secondFactor, resetSecondFactor }: Props) {
  const [factorState, factorAction, resettingFactor] = useActionState(resetSecondFactor, null);
  const [toggleState, toggleAction, toggling] = useActionState(toggle, null);
  const [unlockState, unlockAction, unlocking] = useActionState(unlock, null);
  const [resetState, resetAction, resetting] = useActionState(reset, null);
  return (
    <div className="max-w-xl space-y-4">
      <form action={toggleAction} className="rounded border border-slate-200 bg-white p-5">
        <h2 className="mb-2 font-medium">账号状态：{status === "active" ? "正常" : "已停用"}</h2>
        {toggleState ? <Notice tone={toggleState.ok ? "success" : "error"} testId="status-result">{toggleState.message}</Notice> : null}
        <button
          type="submit"
          disabled={toggling}
          className={`rounded px-4 py-2 text-sm text-white ${status === "active" ? "bg-red-600 hover:bg-red-700" : "bg-emerald-600 hover:bg-emerald-700"}`}
        >
          {status === "active" ? "停用账号" : "启用账号"}
        </button>
      </form>
      {lockedUntil || unlockState ? (
        <form action={unlockAction} className="rounded border border-amber-300 bg-amber-50 p-5">
          <h2 className="mb-2 font-medium">登录锁定</h2>
          {unlockState ? (
            <Notice tone={unlockState.ok ? "success" : "error"} testId="unlock-result">{unlockState.message}</Notice>
          ) : (
            <p className="mb-3 text-sm text-amber-800">该账号因连续登录失败已被锁定，至 {lockedUntil}（北京时间）自动解除。核实是本人后可提前解锁。</p>
          )}
          {lockedUntil && !unlockState?.ok ? (
            <button type="submit" disabled={unlocking} className="rounded bg-amber-600 px-4 py-2 text-sm text-white hover:bg-amber-700 disabled:opacity-60">
              解除锁定
            </button>
          ) : null}
        </form>
      ) : null}
      {secondFactor || factorState ? (
        <form action={factorAction} className="rounded border border-slate-200 bg-white p-5">
          <h2 className="mb-2 font-medium">双因素鉴别：{factorState?.ok ? "已重置" : "已启用"}</h2>
          {factorState ? (
            <Notice tone={factorState.ok ? "success" : "error"} testId="second-factor-reset-result">{factorState.message}</Notice>
          ) : (
            <p className="mb-3 text-sm text-slate-600">本人手机丢失或更换、恢复码也已用完时，核实是本人后可重置：删除其验证器密钥和恢复码，并强制退出登录。</p>
          )}
          {factorState?.ok ? null : (
            <button type="submit" disabled={resettingFactor} className="rounded border border-red-300 px-4 py-2 text-sm text-red-700 hover:bg-red-50 disabled:opacity-60">
              重置双因素鉴别
            </button>
          )}
        </form>
      ) : null}
      <form action={resetAction} className="space-y-3 rounded border border-slate-200 bg-white p-5" noValidate>
        <h2 className="font-medium">重置密码</h2>
        {resetState ? <Notice tone={resetState.ok ? "success" : "error"} testId="reset-result">{resetState.message}</Notice> : null}
        <Field label="新密码（至少10位，含三类字符，不含用户名和姓名；本人下次登录时须修改）">
          <input name="password" type="password" autoComplete="new-password" className={inputClass} />
        </Field>
        <SubmitButton pending={resetting}>重置密码</SubmitButton>
      </form>
    </div>
  );
}
