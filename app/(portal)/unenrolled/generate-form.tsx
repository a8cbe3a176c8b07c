"use client";

import { useActionState } from "react";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/http/action-result";

/** 生成/更新清单 (医保 clerks): idempotent, never reopens a closed case. */
export function GenerateForm({ year, action }: { year: number; action: (prev: ActionResult, form: FormData) => Promise<ActionResult> }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="year" value={year} />
      <button type="submit" disabled={pending} className="rounded border border-brand-600 px-3 py-1.5 text-sm text-brand-700 hover:bg-brand-50 disabled:opacity-60">
        {pending ? "正在生成…" : `生成 / 更新 ${year} 年度清单`}
      </button>
      <span className="text-sm text-slate-500">年初在册或年内新增的救助对象，没有本年度参保记录的，按户籍乡镇列入清单。</span>
      {state ? <Notice tone={state.ok ? "success" : "error"} testId="generate-result">{state.message}</Notice> : null}
    </form>
  );
}
