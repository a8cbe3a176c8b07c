import Link from "next/link";
import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireContext } from "@/lib/auth/current-actor";
import { browseDivisions } from "@/lib/divisions/browse-divisions";
import { DIVISION_LEVEL_NAMES } from "@/lib/divisions/domain/division-code";
import { loadForPage } from "@/lib/http/page-errors";
import { param } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "行政区划" };

export default async function DivisionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const code = param((await searchParams).code);
  const ctx = await requireContext();
  const result = await loadForPage(() => browseDivisions(ctx, code));
  if (!result.ok) return <Notice tone="error" testId="page-error">{result.error.message}</Notice>;
  const { node, ancestors, children, history } = result.data;
  return (
    <>
      <PageHeader title="行政区划" description="12位统计用区划代码：省2位、市2位、县2位、乡镇3位、村3位。更名或撤并保留历史记录。" />
      <nav aria-label="区划层级" className="mb-4 text-sm text-slate-600">
        {ancestors.map((a) => (
          <span key={a.code}>{a.name} / </span>
        ))}
        <span className="font-medium text-slate-900">{node.name}</span>
        <span className="ml-2 font-mono text-slate-500">{node.code}</span>
        <span className="ml-2 text-slate-500">（{DIVISION_LEVEL_NAMES[node.level]}，自 {node.validFrom} 起有效）</span>
        {node.code !== ctx.actor.user.jurisdiction && node.parentCode ? (
          <Link className="ml-4 text-brand-600 hover:underline" href={`/admin/divisions?code=${node.parentCode}`}>返回上级</Link>
        ) : null}
      </nav>
      {children.length > 0 ? (
        <Table testId="divisions-table">
          <thead>
            <tr><Th>代码</Th><Th>名称</Th><Th>层级</Th><Th>下级数</Th><Th>有效期</Th></tr>
          </thead>
          <tbody>
            {children.map((c) => (
              <tr key={c.code}>
                <Td className="font-mono">{c.code}</Td>
                <Td>
                  {c.childCount > 0 ? <Link className="text-brand-600 hover:underline" href={`/admin/divisions?code=${c.code}`}>{c.name}</Link> : c.name}
                </Td>
                <Td>{DIVISION_LEVEL_NAMES[c.level]}</Td>
                <Td>{c.childCount}</Td>
                <Td>{c.validFrom} 至 {c.validTo ?? "今"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p className="text-sm text-slate-500">没有下级区划。</p>
      )}
      {history.length > 1 ? (
        <div className="mt-6">
          <h2 className="mb-2 font-medium">历史名称</h2>
          <ul className="text-sm">
            {history.map((h) => (
              <li key={h.id}>{h.validFrom} 至 {h.validTo ?? "今"}：{h.name}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
