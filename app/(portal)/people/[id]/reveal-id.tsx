"use client";

import { useState, useTransition } from "react";
import { revealIdAction } from "./actions";

export function RevealId({ personId, masked, allowed }: { personId: string; masked: string; allowed: boolean }) {
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <span className="inline-flex items-center gap-3">
      <span data-testid="id-number" className="font-mono">{shown ?? masked}</span>
      {allowed && !shown ? (
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const r = await revealIdAction(personId);
              if (r.idNumber) setShown(r.idNumber);
              else setError(r.error ?? "无法显示");
            })
          }
          className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
        >
          查看完整号码（将留痕）
        </button>
      ) : null}
      {error ? <span className="text-xs text-red-700">{error}</span> : null}
    </span>
  );
}
