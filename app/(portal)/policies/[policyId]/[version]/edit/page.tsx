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
        description={`${d.policyId} 第 ${d.version} 版。保存前逐项校验，有任何问题都不保存；id 和 version 不能修改。`}
        actions={<Link href={back} className="rounded border border-slate-300 px-4 py-2 text-sm hover:bg-slate-100">查看版本（可读文本）并启用</Link>}
      />
      {copied ? <Notice tone="success">已复制为草稿。修改后保存，再到版本页面启用。</Notice> : null}
      <details className="mb-4 rounded border border-slate-200 bg-white p-4 text-sm text-slate-700">
        <summary className="cursor-pointer">填写说明</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>金额和比例写成字符串：金额 &quot;6000&quot;（元，最多两位小数），比例 &quot;50&quot; 表示 50%。</li>
          <li>日期写成 &quot;YYYY-MM-DD&quot;；effectiveTo 为 null 表示长期有效，直到新版本替代。</li>
          <li>每条规则的 source 注明文件编号和条款；文件未明确而采用默认值时写 &quot;defaulted&quot;: true 并在 note 中说明依据。</li>
          <li>年度参数在 parameters.values 中按年度填写，如 {`{ "year": 2027, "name": "priorYearIncome", "value": "32000", "source": {…} }`}。</li>
        </ul>
      </details>
      <DraftEditor action={saveDraftAction.bind(null, d.policyId, d.version)} json={d.json} note={d.note} />
    </>
  );
}
