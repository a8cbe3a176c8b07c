"use client";

import { useState, useTransition } from "react";
import type { RevealResult } from "./payment-actions";

/**
 * 查看完整联系方式: the masked phone and account, each with a button that asks
 * the server for the full value (audited there). The value lives only in this
 * component's state: gone on reload, never in the URL.
 */
export function ContactReveal({ phoneMasked, accountMasked, reveal }: { phoneMasked: string | null; accountMasked: string | null; reveal: (field: "phone" | "bank") => Promise<RevealResult> }) {
  const [shown, setShown] = useState<Partial<Record<"phone" | "bank", string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const ask = (field: "phone" | "bank") =>
    start(async () => {
      const r = await reveal(field);
      if (r.ok) setShown((s) => ({ ...s, [field]: r.text }));
      else setError(r.message);
    });
  const row = (field: "phone" | "bank", label: string, masked: string | null) => (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="w-20 text-slate-600">{label}</span>
      <span className="font-mono" data-testid={`reveal-${field}`}>{shown[field] ?? masked ?? "未登记"}</span>
      {masked && !shown[field] ? (
        <button type="button" disabled={pending} onClick={() => ask(field)} className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-60">显示完整{label}</button>
      ) : null}
    </div>
  );
  return (
    <div className="space-y-2">
      {row("phone", "联系电话", phoneMasked)}
      {row("bank", "银行账号", accountMasked)}
      <p className="text-xs text-slate-500">查看完整号码会记入审计日志（谁、何时、查看了哪一项）。</p>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
