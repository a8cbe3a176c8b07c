"use client";

import { useState } from "react";
import { Table, Td, Th } from "@/components/ui/table";
import type { UploadResult } from "./send-roster";

export type UploadProblem = UploadResult["rejected"][number];

/** Every problem of a rejected file, and the same list as a file to fix it by. */
export function ErrorList({ result }: { result: UploadResult }) {
  const [downloading, setDownloading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download(format: "xlsx" | "csv") {
    setDownloading(format);
    setError(null);
    try {
      const response = await fetch("/api/v1/rosters/error-report", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ format, errors: result.rejected, fileName: result.fileName }),
      });
      if (!response.ok) throw new Error(((await response.json().catch(() => null)) as { error?: string } | null)?.error ?? "下载失败");
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement("a");
      a.href = url;
      a.download = `${result.fileName.replace(/\.[^.]+$/, "")}-问题清单.${format}`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setError(err instanceof Error ? err.message : "下载失败，请重试");
    } finally {
      setDownloading(null);
    }
  }

  const count = `${result.rejected.length.toLocaleString("zh-CN")}${result.truncated ? " 处以上" : " 处"}`;
  return (
    <section className="space-y-3" data-testid="upload-rejected">
      <div role="status" className="rounded border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-700">
        <p className="font-medium">名单中有 {count}问题，整份名单未入库，系统没有保存任何一行。</p>
        <p className="mt-1">请按下表（行号与 Excel 中的行号一致，表头为第 1 行）修改后重新上传。{result.truncated ? "问题过多，只列出前 10000 处。" : ""}</p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={() => download("xlsx")} disabled={downloading !== null} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-60">
          {downloading === "xlsx" ? "正在生成…" : "下载问题清单（Excel）"}
        </button>
        <button type="button" onClick={() => download("csv")} disabled={downloading !== null} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-60">
          {downloading === "csv" ? "正在生成…" : "下载问题清单（CSV）"}
        </button>
        {error ? <span className="text-sm text-red-700">{error}</span> : null}
      </div>
      <Table testId="upload-errors">
        <thead>
          <tr><Th>行号</Th><Th>列</Th><Th>问题</Th></tr>
        </thead>
        <tbody>
          {result.rejected.map((e, i) => (
            <tr key={`${e.row}-${e.column}-${i}`}>
              <Td>{e.row}</Td>
              <Td className="whitespace-nowrap">{e.column}</Td>
              <Td>{e.reason}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
