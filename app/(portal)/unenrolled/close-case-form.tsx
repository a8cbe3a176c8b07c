"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/http/action-result";

// Compact controls for a table cell (the form kit's inputs are full-width).
const control = "rounded border border-slate-300 bg-white px-2 py-1 text-sm focus:border-brand-600 focus:outline-none";

type Props = {
  /** The person's name in full, for the labels of the controls (what a screen reader announces). */
  name: string;
  /** Masked name and ID number, named in the confirmation. */
  who: string;
  reasons: { code: string; name: string }[];
  action: (prev: ActionResult, form: FormData) => Promise<ActionResult>;
};

/**
 * 销号 of one case in two steps: choose the reason (and a note), then confirm
 * a sentence naming the person and the reason — a 销号 takes the person off
 * the township's list, so a slip of the select must not do it. The server
 * checks everything again.
 */
export function CloseCaseForm({ name, who, reasons, action }: Props) {
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [confirming, setConfirming] = useState(false);
  // A refusal (e.g. someone closed it meanwhile) goes back to the first step with its message; the choices stay.
  const [state, formAction, pending] = useActionState(async (prev: ActionResult, form: FormData) => {
    const result = await action(prev, form);
    if (!result?.ok) setConfirming(false);
    return result;
  }, null);
  const failed = state && !state.ok ? state : null;
  const [missing, setMissing] = useState(false);
  const reasonName = reasons.find((r) => r.code === reason)?.name;

  function ask() {
    if (!reasonName) return setMissing(true);
    setMissing(false);
    setConfirming(true);
  }

  return (
    <form action={formAction} className="flex flex-wrap items-start gap-2" noValidate>
      {confirming ? (
        <div role="alertdialog" aria-label={`确认为${name}销号`} data-testid="close-confirm" className="basis-full rounded border border-amber-300 bg-amber-50 p-2 text-sm">
          <input type="hidden" name="reason" value={reason} />
          <input type="hidden" name="note" value={note} />
          <p>
            确认为 <strong>{who}</strong> 销号？原因：<strong>{reasonName}</strong>
            {note.trim() ? `；说明：${note.trim()}` : ""}。销号后该人员移出未销号名单，如有错误可重新打开。
          </p>
          <div className="mt-2 flex gap-2">
            <button type="submit" disabled={pending} className="rounded bg-brand-600 px-3 py-1 text-white hover:bg-brand-700 disabled:opacity-60">
              {pending ? "提交中…" : "确认销号"}
            </button>
            <button type="button" disabled={pending} onClick={() => setConfirming(false)} className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100">
              返回修改
            </button>
          </div>
        </div>
      ) : (
        <>
          <select value={reason} onChange={(e) => setReason(e.target.value)} aria-label={`${name}的销号原因`} className={`${control} w-28`}>
            <option value="">选择原因</option>
            {reasons.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
          </select>
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} placeholder="说明（可选）" aria-label={`${name}的销号说明`} className={`${control} w-44`} />
          <button type="button" onClick={ask} className="rounded bg-brand-600 px-3 py-1 text-sm text-white hover:bg-brand-700">
            销号
          </button>
        </>
      )}
      {missing && !confirming ? <span role="alert" data-testid="close-error" className="basis-full text-sm text-red-700">请选择销号原因</span> : null}
      {failed && !confirming ? <span role="alert" data-testid="close-error" className="basis-full text-sm text-red-700">{failed.message}</span> : null}
    </form>
  );
}
