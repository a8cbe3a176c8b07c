"use client";

import { useState } from "react";
import type { Json } from "./editor-context";

/**
 * 高级：JSON 导入导出, behind the forms: the record the forms edit, as JSON
 * to copy or download, and JSON pasted or loaded from a file replaces it in
 * the forms (nothing is saved until 保存草稿, which checks it like any edit).
 */
export function JsonPanel({ record, fileName, onImport }: { record: Json; fileName: string; onImport: (value: Json) => void }) {
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const shown = text ?? JSON.stringify(record, null, 2);
  const apply = (raw: string) => {
    try {
      const value = JSON.parse(raw.replace(/^\uFEFF/, ""));
      if (!value || typeof value !== "object" || Array.isArray(value)) throw new Error("not an object");
      onImport(value);
      setText(null);
      setProblem(null);
    } catch {
      setProblem("不是有效的政策 JSON：须为一个 {…} 对象，引号、逗号和括号须用英文半角。表单内容未改变。");
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(record, null, 2)], { type: "application/json" }));
    const a = Object.assign(document.createElement("a"), { href: url, download: fileName });
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <details className="rounded border border-slate-200 bg-white p-4 text-sm">
      <summary className="cursor-pointer text-slate-600">高级：JSON 导入导出</summary>
      <p className="mt-2 text-slate-600">供熟悉数据格式的人员使用：可导出本草稿，或粘贴、选择 JSON 文件替换表单内容；替换后仍须“保存草稿”，保存时与表单一样逐项校验。</p>
      <textarea
        aria-label="政策内容（JSON）"
        value={shown}
        onChange={(e) => setText(e.target.value)}
        rows={16}
        spellCheck={false}
        className="mt-2 w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs leading-5"
      />
      {problem ? <p className="mt-1 text-red-700">{problem}</p> : null}
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <button type="button" disabled={text === null} onClick={() => apply(shown)} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100 disabled:opacity-50">用以上 JSON 替换表单内容</button>
        <button type="button" onClick={download} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">下载 JSON 文件</button>
        <label className="cursor-pointer rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
          选择 JSON 文件导入
          <input type="file" accept=".json,application/json" className="hidden" onChange={async (e) => { const f = e.target.files?.[0]; if (f) apply(await f.text()); e.target.value = ""; }} />
        </label>
      </div>
    </details>
  );
}
