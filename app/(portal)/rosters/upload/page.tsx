import Link from "next/link";
import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { getUploadPage } from "@/lib/rosters/get-upload-page";
import { uploadLimitBytes, uploadLimitMb } from "@/lib/uploads/upload-limit";
import { UploadForm } from "./upload-form";

export const metadata: Metadata = { title: "名单报送" };

export default async function RosterUploadPage() {
  const result = await loadForPage(async () => getUploadPage(await requireContext()));
  if (!result.ok) return <Notice tone="error" testId="page-error">{result.error.message}</Notice>;
  const p = result.data;
  return (
    <>
      <PageHeader
        title={`名单报送 · ${p.departmentName}`}
        description="每月5日前报送本部门名单（新增、减少、在册写在同一个文件的“变动”列），遇法定节假日、休息日顺延。整份名单先逐行校验，有任何问题则整份不入库；同一文件重复上传不会重复入库。"
        actions={
          <a href="/api/v1/rosters/template" download className="rounded border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-100">
            下载模板
          </a>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[1fr_20rem]">
        <UploadForm
          department={p.department}
          defaultMonth={p.month}
          latestMonth={p.latestMonth}
          maxBytes={uploadLimitBytes()}
          maxMb={uploadLimitMb()}
          departmentName={p.departmentName}
        />
        <aside className="space-y-4 text-sm">
          <div className="rounded border border-slate-200 bg-white p-4">
            <h2 className="mb-2 font-medium">本月报送</h2>
            <p>
              {p.month} 名单截止日：<strong data-testid="upload-deadline">{p.dates.deadline ?? "—"}</strong>
            </p>
            {p.dates.rolled ? <p className="text-xs text-slate-500">{p.dates.rolled}</p> : null}
            {p.dates.problem ? <p className="text-xs text-amber-700">{p.dates.problem}</p> : null}
            <p className="mt-2 text-slate-600">本部门可报送的类别：{p.categories.join("、")}</p>
          </div>
          <div className="rounded border border-slate-200 bg-white p-4">
            <h2 className="mb-2 font-medium">最近报送</h2>
            {p.recent.length === 0 ? <p className="text-slate-500">还没有报送记录</p> : null}
            <ul className="space-y-2" data-testid="recent-submissions">
              {p.recent.map((s) => (
                <li key={s.id}>
                  <span className="font-medium">{s.month}</span> · {s.submittedAt}
                  <span className="block text-xs text-slate-500">
                    {s.fileName} · {s.rows.toLocaleString("zh-CN")} 行（新增 {s.added.toLocaleString("zh-CN")}，减少 {s.removed.toLocaleString("zh-CN")}）
                  </span>
                </li>
              ))}
            </ul>
            <Link href="/rosters" className="mt-2 inline-block text-brand-600 hover:underline">查看报送情况</Link>
          </div>
        </aside>
      </div>
    </>
  );
}
