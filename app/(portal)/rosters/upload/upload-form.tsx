"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Field, inputClass } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { tooLargeMessage, uploadExtension, WRONG_TYPE_MESSAGE } from "@/lib/rosters/domain/upload-limits";
import { ErrorList } from "./error-list";
import { sendRoster, type UploadOutcome, type UploadPhase } from "./send-roster";

type Props = { department: string; departmentName: string; defaultMonth: string; latestMonth: string; maxBytes: number; maxMb: number };

const PHASE_TEXT: Record<UploadPhase["kind"], string> = {
  uploading: "正在上传",
  checking: "正在逐行校验",
  saving: "已读完全部行，正在核对重复和在册情况并保存",
};

/**
 * The upload: checked here first (month, type, size), then sent with
 * XMLHttpRequest so the bar can show the upload itself, then the server's
 * progress lines while it reads and checks the rows.
 */
export function UploadForm({ department, departmentName, defaultMonth, latestMonth, maxBytes, maxMb }: Props) {
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<UploadPhase | null>(null);
  const [outcome, setOutcome] = useState<UploadOutcome | null>(null);
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const month = String(form.get("month") ?? "");
    const file = fileRef.current?.files?.[0];
    setOutcome(null);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return setFieldError({ field: "month", message: "请选择名单月份" });
    if (month > latestMonth) return setFieldError({ field: "month", message: `最多可提前报送下月（${latestMonth}）的名单` });
    if (!file) return setFieldError({ field: "file", message: "请选择要上传的名单文件（.xlsx 或 .csv）" });
    if (!uploadExtension(file.name)) return setFieldError({ field: "file", message: WRONG_TYPE_MESSAGE });
    if (file.size > maxBytes) return setFieldError({ field: "file", message: tooLargeMessage(file.size, maxMb) });
    setFieldError(null);
    setPhase({ kind: "uploading", fraction: 0 });
    const result = await sendRoster({ department, month, file }, setPhase);
    setPhase(null);
    // A problem with the month or the file shows at that field; anything else below the form.
    if (result.kind === "error" && (result.field === "month" || result.field === "file")) setFieldError({ field: result.field, message: result.message });
    else setOutcome(result);
    // The sidebar's "最近报送" is server-rendered: show the new list there too.
    if (result.kind === "result" && result.result.rejected.length === 0) router.refresh();
  }

  const err = (f: string) => (fieldError?.field === f ? fieldError.message : undefined);
  const busy = phase !== null;
  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="space-y-4 rounded border border-slate-200 bg-white p-5" noValidate>
        <p className="text-sm text-slate-600">
          报送单位：<strong>{departmentName}</strong>。支持 Excel（.xlsx）和 CSV（UTF-8 或 GB18030/GBK 编码，WPS、Excel 另存的均可），单个文件不超过 {maxMb} MB。
        </p>
        <Field label="名单月份" error={err("month")}>
          <input name="month" type="month" defaultValue={defaultMonth} max={latestMonth} className={`${inputClass} block max-w-48`} disabled={busy} />
        </Field>
        <Field label="名单文件（.xlsx 或 .csv）" error={err("file")}>
          <input ref={fileRef} name="file" type="file" accept=".xlsx,.csv,.txt" className={inputClass} disabled={busy} />
        </Field>
        <button type="submit" disabled={busy} className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {busy ? "正在处理…" : "上传并校验"}
        </button>
        {phase ? <ProgressBar phase={phase} /> : null}
      </form>
      {outcome ? <Outcome outcome={outcome} /> : null}
    </div>
  );
}

function ProgressBar({ phase }: { phase: UploadPhase }) {
  const percent = phase.kind === "saving" ? 100 : Math.round((phase.fraction ?? 0) * 100);
  return (
    <div data-testid="upload-progress" aria-live="polite">
      <div className="mb-1 flex justify-between text-sm text-slate-600">
        <span>{PHASE_TEXT[phase.kind]}</span>
        <span>{phase.kind === "saving" ? "" : `${percent}%`}</span>
      </div>
      <div role="progressbar" aria-label={PHASE_TEXT[phase.kind]} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2 overflow-hidden rounded bg-slate-200">
        <div className={`h-full bg-brand-600 transition-all ${phase.kind === "saving" ? "animate-pulse" : ""}`} style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

const n = (value: number) => value.toLocaleString("zh-CN");

function Outcome({ outcome }: { outcome: UploadOutcome }) {
  if (outcome.kind === "error") return <Notice tone="error" testId="upload-error">{outcome.message}</Notice>;
  const r = outcome.result;
  if (r.rejected.length > 0) return <ErrorList result={r} />;
  return (
    <Notice tone="success" testId="upload-result">
      {r.alreadyImported
        ? `该文件此前已报送过（${r.month}），名单未重复入库：共 ${n(r.accepted)} 行。`
        : `${r.month} 名单已入库：共 ${n(r.accepted)} 行，新增 ${n(r.added)}，减少 ${n(r.removed)}，未变 ${n(r.unchanged)}。`}
    </Notice>
  );
}
