"use client";

import { RowErrors, type RowError } from "@/components/row-errors";

export type { RowError };

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
  return <RowErrors errors={errors} truncated={truncated} testId="upload-errors" outcome="整个文件未导入" download={() => saveErrors(errors, fileName)} />;
}
