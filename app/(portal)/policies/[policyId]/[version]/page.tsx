import Link from "next/link";
import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { getPolicyVersion } from "@/lib/policies/get-policy-version";
import { activateVersionAction, copyVersionAction } from "../../actions";
import { StatusBadge } from "../../status-badge";
import { ActivateForm } from "./activate-form";
import { CopyForm } from "./copy-form";
import { PolicySections } from "./policy-sections";

export const metadata: Metadata = { title: "政策版本" };

type Params = Promise<{ policyId: string; version: string }>;

export default async function PolicyVersionPage({ params }: { params: Params }) {
  const { policyId, version } = await params;
  const ctx = await requireContext();
  const result = await loadForPage(() => getPolicyVersion(ctx, policyId, version));
  if (!result.ok) return <Notice tone="error">{result.error.message}</Notice>;
  const { version: v, sections, rawJson, activations, siblings, nextVersion, canCopy, canEditDraft, canActivate } = result.data;
  const base = `/policies/${encodeURIComponent(v.policyId)}`;
  return (
    <>
      <PageHeader
        title={v.name}
        description={`${v.policyId} 第 ${v.version} 版 · 有效期 ${v.effectiveFrom} 至 ${v.effectiveTo ?? "今后"}`}
        actions={
          <>
            {v.status === "draft" && (canEditDraft || canActivate) ? (
              <Link href={`${base}/${v.version}/simulate`} className="rounded border border-brand-600 px-4 py-2 text-sm text-brand-700 hover:bg-brand-50" data-testid="simulate-link">政策测算</Link>
            ) : null}
            {canEditDraft ? <Link href={`${base}/${v.version}/edit`} className="rounded bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700">编辑草稿</Link> : null}
            <Link href="/policies" className="rounded border border-slate-300 px-4 py-2 text-sm hover:bg-slate-100">返回政策列表</Link>
          </>
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-3 text-sm">
        <StatusBadge status={v.status} />
        {v.basedOn && v.basedOn !== v.policyId ? <span className="text-slate-600">依据预置政策 {v.basedOn}</span> : null}
        <span className="text-slate-600">{v.createdByName ? `${v.createdByName}创建` : v.isPreset ? "系统内置" : "系统创建"}</span>
        {v.note ? <span className="text-slate-600">说明：{v.note}</span> : null}
        {siblings.length > 1 ? (
          <span className="text-slate-600">
            各版本：
            {siblings.map((s) => (
              <Link key={s.version} href={`${base}/${s.version}`} className={`ml-2 ${s.version === v.version ? "font-medium" : "text-brand-600 hover:underline"}`}>
                第 {s.version} 版
              </Link>
            ))}
          </span>
        ) : null}
      </div>
      {v.status === "draft" ? <Notice>这是草稿，尚未在任何地区启用；结算和接口都不会使用它。</Notice> : null}
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <div className="space-y-5">
          <PolicySections sections={sections} />
          <details className="rounded border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer text-sm text-slate-600">查看原始数据（JSON）</summary>
            <pre data-testid="raw-json" className="mt-3 max-h-[32rem] overflow-auto text-xs">{rawJson}</pre>
          </details>
        </div>
        <aside className="space-y-4">
          <section className="rounded border border-slate-200 bg-white p-4">
            <h2 className="mb-2 font-medium">启用记录</h2>
            {activations.length === 0 ? <p className="text-sm text-slate-500">未在本辖区及上级区划启用。</p> : (
              <Table testId="activations">
                <thead><tr><Th>区划</Th><Th>起始日期</Th><Th>办理人</Th></tr></thead>
                <tbody>
                  {activations.map((a) => (
                    <tr key={a.id}><Td>{a.divisionName ?? a.divisionCode}</Td><Td>{a.activeFrom}</Td><Td>{a.activatedByName ?? "系统"}</Td></tr>
                  ))}
                </tbody>
              </Table>
            )}
          </section>
          {canActivate ? (
            <ActivateForm action={activateVersionAction.bind(null, v.policyId, v.version)} regionName={result.data.regionName} proposed={result.data.proposedActiveFrom} isDraft={v.status === "draft"} />
          ) : null}
          {canCopy ? <CopyForm action={copyVersionAction.bind(null, v.policyId, v.version)} policyId={v.policyId} name={v.name} nextVersion={nextVersion} /> : null}
        </aside>
      </div>
    </>
  );
}
