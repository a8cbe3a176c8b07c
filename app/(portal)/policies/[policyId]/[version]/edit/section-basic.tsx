"use client";

import { CATEGORIES, CATEGORY_INFO, type Category } from "@/lib/categories/categories";
import { DateField, SourceFields, TextField } from "./fields";
import { pathKey, useEditor, type Json } from "./editor-context";

// 基本信息 (name, dates) and 类别排序: which categories the policy covers and
// their benefit ranking (待遇就高, one category per person; a tier ties).

export function BasicSection() {
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      <TextField label="政策名称" path={["name"]} wide />
      <DateField label="生效日期" path={["effectiveFrom"]} />
      <DateField label="失效日期（不填即长期有效，直到新版本替代）" path={["effectiveTo"]} nullable />
      <div />
      <SourceFields path={["effectiveSource"]} label="有效期依据" />
    </div>
  );
}

const small = "rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-40";

export function RankingSection() {
  const { record, set, error } = useEditor();
  const ranking: Category[][] = record.ranking ?? [];
  const covered: Category[] = record.categories ?? [];
  const setBoth = (categories: Category[], tiers: Category[][]) => {
    set(["categories"], categories);
    set(["ranking"], tiers.filter((t) => t.length > 0));
  };
  const toggle = (c: Category, on: boolean) =>
    on ? setBoth([...covered, c], [...ranking, [c]]) : setBoth(covered.filter((x) => x !== c), ranking.map((t) => t.filter((x) => x !== c)));
  const move = (i: number, by: number) => {
    const next = [...ranking];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    set(["ranking"], next);
  };
  const joinAbove = (i: number) => set(["ranking"], ranking.flatMap((t, j) => (j === i - 1 ? [[...t, ...ranking[i]!]] : j === i ? [] : [t])));
  const split = (i: number) => set(["ranking"], ranking.flatMap((t, j) => (j === i ? t.map((c) => [c]) : [t])));
  const message = error(["ranking"]) ?? error(["categories"]);
  return (
    <div className="space-y-4">
      <fieldset data-path={pathKey(["categories"])}>
        <legend className="mb-1 text-xs font-medium text-slate-600">本政策覆盖的救助对象类别</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1 rounded border border-slate-200 px-2 py-1.5">
          {CATEGORIES.map((c) => (
            <label key={c} className="flex items-center gap-1 text-sm whitespace-nowrap">
              <input type="checkbox" checked={covered.includes(c)} onChange={(e) => toggle(c, e.target.checked)} />
              {CATEGORY_INFO[c].name}
            </label>
          ))}
        </div>
      </fieldset>
      <div data-path="ranking">
        <p className="mb-1 text-xs font-medium text-slate-600">待遇就高排序（上面一档优先；同一档并列，按认定日期先后）</p>
        <ol className="space-y-1">
          {ranking.map((tier: Json[], i) => (
            <li key={tier.join(",")} className="flex items-center gap-2 rounded border border-slate-200 bg-white px-2 py-1 text-sm">
              <span className="w-12 shrink-0 text-slate-500">第 {i + 1} 档</span>
              <span className="flex-1">{tier.map((c: Category) => CATEGORY_INFO[c]?.name ?? c).join(" ＝ ")}</span>
              <button type="button" className={small} disabled={i === 0} onClick={() => move(i, -1)}>上移</button>
              <button type="button" className={small} disabled={i === ranking.length - 1} onClick={() => move(i, 1)}>下移</button>
              <button type="button" className={small} disabled={i === 0} onClick={() => joinAbove(i)}>与上一档并列</button>
              <button type="button" className={small} disabled={tier.length < 2} onClick={() => split(i)}>拆开</button>
            </li>
          ))}
        </ol>
        {message ? <p data-testid="field-error" className="mt-1 text-xs text-red-700">{message}</p> : null}
      </div>
    </div>
  );
}
