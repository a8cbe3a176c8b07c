"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Field, inputClass, SubmitButton } from "@/components/ui/form";

// The case's scanned documents: the list (each a download link through the
// audited route) and, when the user may add one now, a small form posting the
// file to /api/v1/applications/:id/attachments — an upload never goes through
// a server action, whose body Next buffers and cuts at its limit.

type Item = { id: string; itemName: string; fileName: string; typeName: string; sizeText: string; uploadedAt: string; uploaderName: string };
type List = { attachments: Item[]; canUpload: boolean; items: { value: string; name: string }[]; maxMb: number };

type Loaded = { list: List } | { error: string };

async function fetchList(base: string): Promise<Loaded> {
  const r = await fetch(base, { cache: "no-store" });
  const body = await r.json().catch(() => ({}));
  return r.ok ? { list: body as List } : { error: (body as { error?: string }).error ?? "附件列表读取失败，请刷新页面重试。" };
}

const when = (iso: string) => new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });

export function AttachmentsPanel({ applicationId }: { applicationId: string }) {
  const base = `/api/v1/applications/${applicationId}/attachments`;
  const [list, setList] = useState<List | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const apply = useCallback((r: Loaded) => ("list" in r ? setList(r.list) : setError(r.error)), []);
  const load = () => fetchList(base).then(apply);
  useEffect(() => {
    let live = true;
    fetchList(base).then((r) => live && apply(r));
    return () => void (live = false);
  }, [base, apply]);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    setNotice(null);
    const data = new FormData(e.currentTarget);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) return setError("请选择要上传的扫描件或照片。");
    if (list && file.size > list.maxMb * 1024 * 1024) return setError(`附件过大：每个附件不超过 ${list.maxMb} MB。`);
    // The item first, then the file: the server reads the fields before the file's bytes.
    const body = new FormData();
    body.append("item", String(data.get("item") ?? ""));
    body.append("file", file, file.name);
    setPending(true);
    try {
      const r = await fetch(base, { method: "POST", body });
      const answer = await r.json().catch(() => ({}));
      if (!r.ok) return setError((answer as { error?: string }).error ?? "上传失败，请重试。");
      setNotice(`已上传：${(answer as { fileName: string }).fileName}`);
      form.current?.reset();
      await load();
    } finally {
      setPending(false);
    }
  }

  return (
    <div data-testid="attachments-panel" className="space-y-3">
      {list === null && !error ? <p className="text-sm text-slate-500">正在读取附件…</p> : null}
      {list && list.attachments.length === 0 ? <p className="text-sm text-slate-500">尚未上传扫描件。</p> : null}
      {list && list.attachments.length > 0 ? (
        <ul className="divide-y divide-slate-100 text-sm" data-testid="attachments-list">
          {list.attachments.map((a) => (
            <li key={a.id} className="py-2">
              <div className="flex flex-wrap items-baseline gap-x-2">
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{a.itemName}</span>
                <a href={`${base}/${a.id}`} className="break-all text-brand-700 underline hover:text-brand-800">{a.fileName}</a>
              </div>
              <div className="mt-0.5 text-xs text-slate-500">{a.typeName} · {a.sizeText} · {a.uploaderName} 于 {when(a.uploadedAt)} 上传</div>
            </li>
          ))}
        </ul>
      ) : null}
      {list?.canUpload ? (
        <form ref={form} onSubmit={submit} className="space-y-3 border-t border-slate-100 pt-3" data-testid="attachment-form">
          <Field label="材料类别">
            <select name="item" className={inputClass} defaultValue={list.items[0]?.value}>
              {list.items.map((i) => <option key={i.value} value={i.value}>{i.name}</option>)}
            </select>
          </Field>
          <Field label={`扫描件或照片（PDF、JPEG、PNG，不超过 ${list.maxMb} MB）`}>
            <input type="file" name="file" accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png" className={inputClass} />
          </Field>
          <SubmitButton pending={pending}>上传附件</SubmitButton>
        </form>
      ) : null}
      {error ? <p className="text-sm text-red-700" data-testid="attachment-error">{error}</p> : null}
      {notice ? <p className="text-sm text-green-700" data-testid="attachment-notice">{notice}</p> : null}
    </div>
  );
}
