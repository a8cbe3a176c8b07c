"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { SubmitButton } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { RowErrors, type RowError } from "@/components/row-errors";
import { claimsUploadResultSchema, type ClaimsUploadResult } from "@/lib/claims/domain/claims-upload-response";
import { claimsTooLarge } from "@/lib/claims/domain/upload-limits";
import { CorrectedRows } from "./corrected-rows";

type Result = ClaimsUploadResult;

async function saveErrors(errors: RowError[]): Promise<string | null> {
  const res = await fetch("/claims/import/errors", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ format: "xlsx", errors }) });
  if (!res.ok) return ((await res.json().catch(() => null)) as { error?: string } | null)?.error ?? "下载失败，请稍后重试";
  const url = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement("a"), { href: url, download: "结算记录问题清单.xlsx" });
  a.click();
  URL.revokeObjectURL(url);
  return null;
}

/** Uploads one file to /api/v1/claims/import and shows what happened: counts, or every problem by row and column. */
export function ImportForm({ maxBytes, maxMb }: { maxBytes: number; maxMb: number }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);

  async function submit(form: HTMLFormElement) {
    const file = (form.elements.namedItem("file") as HTMLInputElement).files?.[0];
    setResult(null);
    if (!file) return setError("请选择要导入的结算记录文件（.xlsx 或 .csv）");
    if (file.size > maxBytes) return setError(claimsTooLarge(file.size, maxMb));
    setError(null);
    setPending(true);
    try {
      const res = await fetch("/api/v1/claims/import", { method: "POST", body: new FormData(form) });
      const body: unknown = await res.json().catch(() => null);
      const parsed = res.ok ? claimsUploadResultSchema.safeParse(body) : null;
      if (!parsed?.success) setError((body as { error?: string } | null)?.error ?? "导入失败，请稍后重试");
      else {
        setResult(parsed.data);
        if (parsed.data.rejected.length === 0) router.refresh();
      }
    } catch {
      setError("无法连接服务器，请检查网络后重试");
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="max-w-4xl space-y-4 rounded border border-slate-200 bg-white p-5">
      <form
        className="flex flex-wrap items-end gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          void submit(e.currentTarget);
        }}
      >
        <label className="text-sm">
          <span className="block font-medium text-slate-700">结算记录文件（.xlsx 或 .csv，UTF-8 或 GBK 编码均可）</span>
          <input name="file" type="file" accept=".xlsx,.csv,.txt" className="mt-1 block text-sm" />
        </label>
        <SubmitButton pending={pending}>导入并结算</SubmitButton>
      </form>
      {error ? <Notice tone="error" testId="import-error">{error}</Notice> : null}
      {result && result.rejected.length === 0 ? (
        <>
          <Notice tone="success" testId="import-result">
            共 {result.rows} 行：新导入 {result.added} 条，{result.unchanged} 条此前已导入（内容相同，未重复入账）
            {result.corrected > 0 ? `，更正 ${result.corrected} 条（原记录已作废留档）` : ""}。已结算 {result.settled} 条
            {result.resettled > 0 ? `，同一人同年此前的 ${result.resettled} 条记录已按日期顺序重新结算` : ""}。
          </Notice>
          {result.correctedRows.length > 0 ? <CorrectedRows rows={result.correctedRows} /> : null}
        </>
      ) : null}
      {result && result.rejected.length > 0 ? <Rejected errors={result.rejected} truncated={result.truncated} /> : null}
    </section>
  );
}

function Rejected({ errors, truncated }: { errors: RowError[]; truncated: boolean }) {
  return <RowErrors errors={errors} truncated={truncated} testId="import-errors" outcome="整个文件未导入、未结算任何记录" download={() => saveErrors(errors)} />;
}
