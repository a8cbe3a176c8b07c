"use client";

import { useState } from "react";
import { Notice } from "@/components/ui/notice";

// Every problem of a rejected import file, by row and column, with the full
// list as a download: one component for every all-or-nothing import (rosters'
// own list is richer; claims and enrolment use this one).

export type RowError = { row: number; column: string; reason: string };

const SHOWN = 200;

type Props = {
  errors: RowError[];
  truncated: boolean;
  testId: string;
  /** What was not done, e.g. "整个文件未导入". */
  outcome: string;
  /** Saves the list as a file; resolves to an error message, or null. */
  download: () => Promise<string | null>;
};

export function RowErrors({ errors, truncated, testId, outcome, download }: Props) {
  const [downloadError, setDownloadError] = useState<string | null>(null);
  return (
    <div data-testid={testId} className="space-y-3">
      <Notice tone="error">
        文件中有 {errors.length}
        {truncated ? "+" : ""} 处问题，{outcome}。请按下表修改后重新导入（行号与 Excel 中一致，表头为第 1 行）。
      </Notice>
      <button type="button" className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100" onClick={async () => setDownloadError(await download())}>
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
