"use client";

import { useState } from "react";
import { inputClass } from "@/components/ui/form";
import type { CategoryOnDate } from "@/lib/rosters/person-category-on";

/**
 * "Category on date D": asks the server (the same categoryOn query subsidy and
 * settlement use) rather than reading it off the table above.
 */
export function CategoryOnDateTool({ personId, initial }: { personId: string; initial: CategoryOnDate }) {
  const [answer, setAnswer] = useState<CategoryOnDate>(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function ask(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const on = String(new FormData(e.currentTarget).get("on") ?? "");
    setPending(true);
    setError(null);
    try {
      const response = await fetch(`/api/v1/rosters/people/${personId}/category?on=${encodeURIComponent(on)}`);
      const body = (await response.json()) as CategoryOnDate & { error?: string };
      if (!response.ok) setError(body.error ?? "查询失败，请重试");
      else setAnswer(body);
    } catch {
      setError("网络错误，请重试");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={ask} className="flex flex-wrap items-end gap-3 text-sm" noValidate>
      <label>
        查询日期
        <input name="on" type="date" defaultValue={initial.on} className={`${inputClass} w-44`} />
      </label>
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-3 py-2 text-white disabled:opacity-60">
        {pending ? "查询中…" : "查询当日类别"}
      </button>
      <p data-testid="category-on-date" className="py-2">
        {answer.on} 的救助类别：<strong>{answer.categoryName}</strong>
        {answer.from ? <span className="text-slate-500">（{answer.from} 起{answer.to ? `，至 ${answer.to}` : ""}，{answer.source}）</span> : null}
      </p>
      {error ? <p className="w-full text-red-700">{error}</p> : null}
    </form>
  );
}
