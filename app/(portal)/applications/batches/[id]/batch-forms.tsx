"use client";

import { useActionState, useState } from "react";
import { inputClass } from "@/components/ui/form";
import type { ActionResult } from "@/lib/http/action-result";

type Action = (prev: ActionResult, form: FormData) => Promise<ActionResult>;

function Answer({ state }: { state: ActionResult }) {
  if (state && !state.ok) return <p role="alert" className="text-sm text-red-700">{state.message}</p>;
  if (state?.ok && state.message) return <p role="status" className="text-sm text-emerald-700">{state.message}</p>;
  return null;
}

/**
 * 登记银行回单: the date and reference, for the whole batch or the ticked lines.
 * The button is disabled while the request runs; a second request is refused by
 * the server anyway (a line is settled only while it is pending).
 */
export function ConfirmPaidForm({ lines, today, action }: { lines: { id: number; caseNo: string; name: string; amount: string }[]; today: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, null);
  const [whole, setWhole] = useState(true);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} className="space-y-3" data-testid="confirm-form">
      <div className="flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-1"><input type="radio" checked={whole} onChange={() => setWhole(true)} />整批确认（{lines.length} 笔待确认）</label>
        <label className="flex items-center gap-1"><input type="radio" checked={!whole} onChange={() => setWhole(false)} />只确认勾选的明细</label>
      </div>
      {!whole ? (
        <ul className="space-y-1 text-sm">
          {lines.map((l) => (
            <li key={l.id}><label className="flex items-center gap-2"><input type="checkbox" name="lineIds" value={l.id} /><span className="font-mono">{l.caseNo}</span> {l.name} <span className="tabular-nums">{l.amount} 元</span></label></li>
          ))}
        </ul>
      ) : null}
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        <label className="block text-sm"><span className="font-medium text-slate-700">银行支付日期</span>
          <input type="date" name="paidOn" defaultValue={failed?.values?.paidOn ?? today} max={today} className={inputClass} aria-invalid={failed?.field === "paidOn" || undefined} />
        </label>
        <label className="block text-sm"><span className="font-medium text-slate-700">银行回单流水号</span>
          <input name="reference" maxLength={100} defaultValue={failed?.values?.reference ?? ""} placeholder="如 NYYH20261118001" className={inputClass} aria-invalid={failed?.field === "reference" || undefined} />
        </label>
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        onClick={(e) => { if (!window.confirm("确认银行已按回单支付？确认后案件状态为“已支付”，不能撤回。")) e.preventDefault(); }}>
        {pending ? "正在提交…" : "确认支付"}
      </button>
      <Answer state={state} />
    </form>
  );
}

/** 登记银行退回 of one line, with the bank's reason. */
export function FailLineForm({ caseNo, action }: { caseNo: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, null);
  const [open, setOpen] = useState(false);
  if (!open) return <button type="button" onClick={() => setOpen(true)} className="rounded border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-100">登记退回</button>;
  return (
    <form action={formAction} className="flex flex-wrap items-start gap-2" data-testid="fail-form">
      <input name="reason" maxLength={500} placeholder="退回原因，如账号户名不符" aria-label={`${caseNo} 的退回原因`} defaultValue={state && !state.ok ? state.values?.reason : ""} className="w-48 rounded border border-slate-300 px-2 py-1 text-sm" />
      <button type="submit" disabled={pending} className="rounded bg-red-700 px-2 py-1 text-xs text-white hover:bg-red-800 disabled:opacity-60">{pending ? "提交中…" : "确认退回"}</button>
      <button type="button" onClick={() => setOpen(false)} className="rounded border border-slate-300 px-2 py-1 text-xs">取消</button>
      <div className="basis-full"><Answer state={state} /></div>
    </form>
  );
}

/**
 * 移出批次 of one line of a batch not yet sent to the bank, with the reason;
 * the browser asks once more before the case leaves the batch.
 */
export function RemoveLineForm({ caseNo, amount, action }: { caseNo: string; amount: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, null);
  const [open, setOpen] = useState(false);
  if (!open) return <button type="button" onClick={() => setOpen(true)} className="rounded border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-100" data-testid="remove-line">移出批次</button>;
  return (
    <form action={formAction} className="flex flex-wrap items-start gap-2" data-testid="remove-form">
      <input name="reason" maxLength={500} placeholder="移出原因，如核定金额待更正" aria-label={`${caseNo} 的移出原因`} defaultValue={state && !state.ok ? state.values?.reason : ""} className="w-48 rounded border border-slate-300 px-2 py-1 text-sm" />
      <button type="submit" disabled={pending} className="rounded bg-red-700 px-2 py-1 text-xs text-white hover:bg-red-800 disabled:opacity-60"
        onClick={(e) => { if (!window.confirm(`确认将 ${caseNo}（${amount} 元）移出本批次？移出后案件恢复为“已审批待支付”，可编入其他批次。`)) e.preventDefault(); }}>
        {pending ? "提交中…" : "确认移出"}
      </button>
      <button type="button" onClick={() => setOpen(false)} className="rounded border border-slate-300 px-2 py-1 text-xs">取消</button>
      <div className="basis-full"><Answer state={state} /></div>
    </form>
  );
}

/**
 * 作废批次: offered only for an open batch whose every line was removed; the
 * reason is required and the browser asks once more.
 */
export function CancelBatchForm({ batchNo, action }: { batchNo: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2" data-testid="cancel-batch-form">
      <p className="text-sm text-slate-600">本批次的明细已全部移出，不再发送银行。可将其作废（批次号不再使用，移出记录保留）。</p>
      <label className="block text-sm"><span className="font-medium text-slate-700">作废原因</span>
        <input name="reason" maxLength={500} placeholder="如明细均已移出，重新编制批次" defaultValue={state && !state.ok ? state.values?.reason : ""} className={inputClass} />
      </label>
      <button type="submit" disabled={pending} className="rounded bg-red-700 px-4 py-2 text-sm text-white hover:bg-red-800 disabled:opacity-60"
        onClick={(e) => { if (!window.confirm(`确认作废批次 ${batchNo}？作废后不能恢复。`)) e.preventDefault(); }}>
        {pending ? "提交中…" : "作废批次"}
      </button>
      <Answer state={state} />
    </form>
  );
}
