import Link from "next/link";
import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { listPolicies } from "@/lib/policies/list-policies";
import { StatusBadge } from "./status-badge";

export const metadata: Metadata = { title: "政策管理" };

const href = (policyId: string, version: number) => `/policies/${encodeURIComponent(policyId)}/${version}`;

export default async function PoliciesPage() {
  const ctx = await requireContext();
  const result = await loadForPage(() => listPolicies(ctx));
  if (!result.ok) return <Notice tone="error">{result.error.message}</Notice>;
  const { policies, region, inForce, today, canEdit } = result.data;
  return (
    <>
      <PageHeader
        title="政策管理"
        description={`救助政策按版本保存，旧版本和启用记录长期保留；每笔就医按其就医日期当天适用的版本结算。${canEdit ? "修改政策：打开一个版本，“复制为新版本”，编辑草稿，再从某日起启用。" : ""}`}
      />
      <Notice tone={inForce ? "info" : "error"} testId="in-force">
        {inForce
          ? `${region.name}今天（${today}）适用：${inForce.name}（${inForce.policyId} 第 ${inForce.version} 版，${inForce.activeFrom} 起启用）`
          : `${region.name}目前没有启用的政策：结算记录无法按政策计算，请由医保局负责人启用一个版本。`}
      </Notice>
      <div className="space-y-6">
        {policies.map((p) => (
          <section key={p.policyId} data-testid={`policy-${p.policyId}`} aria-labelledby={`policy-${p.policyId}-title`}>
            <h2 id={`policy-${p.policyId}-title`} className="mb-2 font-medium text-slate-800">
              {p.name}
              <span className="ml-2 font-mono text-sm text-slate-500">{p.policyId}</span>
              {p.isPreset ? <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-xs text-brand-700">预置</span> : null}
            </h2>
            <Table>
              <thead>
                <tr><Th>版本</Th><Th>状态</Th><Th>有效期</Th><Th>地区</Th><Th>启用记录</Th><Th>说明</Th></tr>
              </thead>
              <tbody>
                {p.versions.map((v) => (
                  <tr key={v.id} data-version={v.version}>
                    <Td>
                      <Link className="text-brand-600 hover:underline" href={href(v.policyId, v.version)}>第 {v.version} 版</Link>
                      {v.inForceHere ? <span className="ml-2 text-xs text-emerald-700">本辖区现行</span> : null}
                    </Td>
                    <Td><StatusBadge status={v.status} /></Td>
                    <Td className="whitespace-nowrap">{v.effectiveFrom} 至 {v.effectiveTo ?? "今后"}</Td>
                    <Td>{v.regionName}</Td>
                    <Td>
                      {v.activations.length === 0 ? <span className="text-slate-400">未在本辖区启用</span> : (
                        <ul>
                          {v.activations.map((a) => (
                            <li key={a.id} className="whitespace-nowrap">{a.divisionName ?? a.divisionCode} {a.activeFrom} 起</li>
                          ))}
                        </ul>
                      )}
                    </Td>
                    <Td className="max-w-md text-slate-600">{v.note}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </section>
        ))}
      </div>
    </>
  );
}
