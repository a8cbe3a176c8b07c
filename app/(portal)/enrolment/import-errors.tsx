"use client";

import { useState } from "react";
import { Notice } from "@/components/ui/notice";

export type RowError = { row: number; column: string; reason: string };

const SHOWN = 200;

async function saveErrors(errors: RowError[], fileName: string): Promise<string | null> {
  const res = await fetch("/enrolment/errors", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ errors, fileName }) });
  if (!res.ok) return ((await res.json().catch(() => null)) as { error?: string } | null)?.error ?? "下载失败，请稍后重试";
  const url = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement("a"), { href: url, download: `${fileName.replace(/\.[^.]+$/, "")}-问题清单.xlsx` });
  a.click();
  URL.revokeObjectURL(url);
  return null;
}

/** Every problem of a rejected file, by row and column, with the list as a download. */
export function ImportErrors({ errors, truncated, fileName }: { errors: RowError[]; truncated: boolean; fileName: string }) {
  const [downloadError, setDownloadError] = useState<string | null>(null);
  return (
    <div data-testid="upload-errors" className="space-y-3">
      <Notice tone="error">
        文件中有 {errors.length}
        {truncated ? "+" : ""} 处问题，整个文件未导入。请按下表修改后重新导入（行号与 Excel 中一致，表头为第 1 行）。
      </Notice>
      <button type="button" className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100" onClick={async () => setDownloadError(await saveErrors(errors, fileName))}>
        下载问题清单（Excel）
      </button>
      {downloadError ? <p className="text-sm text-red-700">{downloadError}</p> : null}
      <div className="max-h-96 overflow-y-auto rounded border border-slate-200">
        <table className="min-w-full text-sm">
          <thead>
            <tr className="bg-slate-50 text-left text-slate-600"><th className="px-3 py-2">行号</th><th className="px-3 py-2">列</th><th className="px-3 py-2">问题</th></tr>
          </thead>
          <tbody>
            {errors.slice(0, SHOWN).map((e, i) => (
              <tr key={i} className="border-t border-slate-100">
                <td className="px-3 py-1.5">{e.row}</td>
                <td className="px-3 py-1.5 whitespace-nowrap">{e.column}</td>
                <td className="px-3 py-1.5">{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {errors.length > SHOWN ? <p className="text-sm text-slate-500">页面只显示前 {SHOWN} 处，完整清单请下载。</p> : null}
    </div>
  );
}
