"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { SubmitButton } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { enrolmentUploadResultSchema, type EnrolmentUploadResult } from "@/lib/enrolment/domain/enrolment-upload-response";
import { enrolmentTooLarge } from "@/lib/enrolment/domain/upload-limits";
import { ImportErrors } from "./import-errors";

type Result = EnrolmentUploadResult;

/** Sends one enrolment file to /api/v1/enrolment/import and shows what happened: the counts, or every problem by row and column. */
export function UploadForm({ notComputedText, maxBytes, maxMb }: { notComputedText: Record<string, string>; maxBytes: number; maxMb: number }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);

  async function submit(form: HTMLFormElement) {
    const file = (form.elements.namedItem("file") as HTMLInputElement).files?.[0];
    setResult(null);
    if (!file) return setError("请选择要导入的参保缴费数据文件（.xlsx 或 .csv）");
    if (file.size > maxBytes) return setError(enrolmentTooLarge(file.size, maxMb));
    setError(null);
    setPending(true);
    try {
      const data = new FormData();
      data.append("file", file, file.name);
      const res = await fetch("/api/v1/enrolment/import", { method: "POST", body: data });
      const raw: unknown = await res.json().catch(() => null);
      const parsed = res.ok ? enrolmentUploadResultSchema.safeParse(raw) : null;
      if (!parsed?.success) setError((raw as { error?: string } | null)?.error ?? "导入失败，请稍后重试");
      else {
        const body = parsed.data;
        setResult(body);
        // Show the imported year's ledger (refreshed even when it is the year already shown).
        if (body.rejected.length === 0 && body.year) {
          router.push(`/enrolment?year=${body.year}`);
          router.refresh();
        }
      }
    } catch {
      setError("无法连接服务器，请检查网络后重试");
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="space-y-4 rounded border border-slate-200 bg-white p-5" aria-labelledby="upload-title">
      <h2 id="upload-title" className="font-medium">导入参保缴费数据</h2>
      <p className="text-sm text-slate-600">
        税务或医保信息系统导出的年度参保缴费数据，按模板列名：身份证号、姓名、参保年度、缴费档次、个人缴费标准、一档个人缴费标准、缴费日期、免缴人员（可选）。
        整个文件检查无误才会导入；导入后按缴费当日的救助身份和当日启用的政策计算资助参保金额。
      </p>
      <form
        className="flex flex-wrap items-end gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          void submit(e.currentTarget);
        }}
      >
        <label className="text-sm">
          <span className="block font-medium text-slate-700">参保缴费数据文件（.xlsx 或 .csv，UTF-8 或 GBK 编码均可）</span>
          <input name="file" type="file" accept=".xlsx,.csv,.txt" className="mt-1 block text-sm" />
        </label>
        <SubmitButton pending={pending}>导入并计算资助</SubmitButton>
      </form>
      {error ? <Notice tone="error" testId="upload-error">{error}</Notice> : null}
      {result && result.alreadyImported ? (
        <Notice tone="info" testId="upload-result">该文件此前已导入（{result.year} 年度，{result.rows} 行），本次未重复保存任何数据。</Notice>
      ) : null}
      {result && !result.alreadyImported && result.rejected.length === 0 ? <Summary result={result} notComputedText={notComputedText} /> : null}
      {result && result.rejected.length > 0 ? <ImportErrors errors={result.rejected} truncated={result.truncated} fileName={result.fileName} /> : null}
    </section>
  );
}

function Summary({ result, notComputedText }: { result: Result; notComputedText: Record<string, string> }) {
  const skipped = Object.entries(result.subsidies.notComputed).filter(([, n]) => n > 0);
  return (
    <Notice tone="success" testId="upload-result">
      <p>
        {result.year} 年度，共 {result.rows} 行：新登记参保 {result.enrolled} 人；{result.alreadyEnrolled} 人本年度已有参保记录，保留原记录；
        {result.notKnown} 人未在本系统登记（不在本辖区救助名单中），未计入台账。计算资助 {result.subsidies.computed} 人；自动销号（已参保）{result.casesClosed} 人。
      </p>
      {skipped.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {skipped.map(([reason, n]) => (
            <li key={reason}>{n} 人未计算资助：{notComputedText[reason] ?? reason}</li>
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}
