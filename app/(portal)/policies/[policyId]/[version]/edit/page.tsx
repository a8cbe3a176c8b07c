import Link from "next/link";
import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { getPolicyDraft } from "@/lib/policies/get-policy-draft";
import { saveDraftAction } from "../../../actions";
import { DraftEditor } from "./draft-editor";

export const metadata: Metadata = { title: "编辑政策草稿" };

type Params = Promise<{ policyId: string; version: string }>;
type Search = Promise<{ copied?: string }>;

export default async function EditDraftPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const [{ policyId, version }, { copied }] = await Promise.all([params, searchParams]);
  const ctx = await requireContext();
  const result = await loadForPage(() => getPolicyDraft(ctx, policyId, version));
  const back = `/policies/${encodeURIComponent(policyId)}/${version}`;
  if (!result.ok) {
    return (
      <>
        <Notice tone="error" testId="page-error">{result.error.message}</Notice>
        <Link href={back} className="text-brand-600 hover:underline">返回版本页面</Link>
      </>
    );
  }
  const d = result.data;
  return (
    <>
      <PageHeader
        title={`编辑草稿：${d.name}`}
        description={`${d.policyId} 第 ${d.version} 版。逐栏修改，每栏下方的预览即政策页面的写法；保存时逐项校验，有任何问题都不保存，并在对应栏目下标出。`}
        actions={<Link href={back} className="rounded border border-slate-300 px-4 py-2 text-sm hover:bg-slate-100">查看版本（可读文本）并启用</Link>}
      />
      {copied ? <Notice tone="success">已复制为草稿。修改后保存，再到版本页面启用。</Notice> : null}
      <DraftEditor action={saveDraftAction.bind(null, d.policyId, d.version)} json={d.json} note={d.note} fileName={`${d.policyId}-v${d.version}.json`} />
    </>
  );
}
