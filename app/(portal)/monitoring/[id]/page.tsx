import Link from "next/link";
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { formatYuan } from "@/lib/money/money";
import { getFlag } from "@/lib/monitoring/get-flag";
import { recordOutcomeAction } from "./actions";
import { OutcomeForm } from "./outcome-form";

export const metadata: Metadata = { title: "监测预警详情" };

export default async function FlagPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireContext();
  const result = await loadForPage(() => getFlag(ctx, id));
  if (!result.ok) return <p>{result.error.message}</p>;
  const f = result.data;
  const back = <Link href="/monitoring" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">返回预警列表</Link>;
  return (
    <>
      <PageHeader title={`监测预警：${f.personName}（${f.year} 年）`} description={f.place} actions={back} />
      <dl className="mb-6 grid grid-cols-2 gap-x-8 gap-y-2 rounded border border-slate-200 bg-white p-4 text-sm md:grid-cols-4" data-testid="flag-facts">
        <div><dt className="text-slate-500">救助类别</dt><dd>{f.categoryName}</dd></div>
        <div><dt className="text-slate-500">监测规则</dt><dd>{f.ruleName}</dd></div>
        <div><dt className="text-slate-500">预警时负担</dt><dd className="font-mono">{formatYuan(f.figure)}</dd></div>
        <div><dt className="text-slate-500">监测标准</dt><dd className="font-mono">{formatYuan(f.threshold)}</dd></div>
        <div>
          <dt className="text-slate-500">最新负担（{f.evaluatedOn}）</dt>
          <dd className="font-mono">{formatYuan(f.latestFigure)}{f.stillOver ? null : <span className="ml-2 font-sans text-amber-700">已低于标准，预警不因此自动办结</span>}</dd>
        </div>
        <div><dt className="text-slate-500">预警日期</dt><dd>{f.raisedOn}</dd></div>
        <div><dt className="text-slate-500">已挂起</dt><dd>{f.daysOpen} 天</dd></div>
        <div>
          <dt className="text-slate-500">状态</dt>
          <dd data-testid="flag-status">
            {f.status === "open" ? <span className="text-red-700">未办结</span> : <>已办结：{f.outcomeName}（{f.closedOn}）</>}
            {f.caseNo ? (f.canViewCase && f.applicationId ? <> <Link href={`/applications/${f.applicationId}`} className="text-brand-600 hover:underline" data-testid="flag-case">{f.caseNo}</Link></> : <> {f.caseNo}</>) : null}
          </dd>
        </div>
      </dl>
      <section className="mb-6">
        <h2 className="mb-1 font-medium">预警依据</h2>
        <p className="rounded border border-amber-200 bg-amber-50 px-4 py-3 text-sm" data-testid="flag-basis">{f.basis}</p>
        {f.outcomeReason ? <p className="mt-2 text-sm">办理情况：{f.outcomeReason}</p> : null}
      </section>
      <section className="mb-6">
        <h2 className="mb-1 font-medium">计入的结算记录（{f.claims.length} 笔）</h2>
        <Table testId="flag-claims">
          <thead><tr><Th>结算流水号</Th><Th>结算日期</Th><Th>医疗机构</Th><Th className="text-right">总费用</Th><Th className="text-right">政策范围内费用</Th></tr></thead>
          <tbody>
            {f.claims.map((c) => (
              <tr key={c.id}>
                <Td className="font-mono">{c.externalId}</Td><Td>{c.claimDate}</Td><Td>{c.hospitalName}</Td>
                <Td className="text-right font-mono">{formatYuan(c.totalCost)}</Td><Td className="text-right font-mono">{formatYuan(c.policyScopeCost)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
      {f.canOpenApplication ? (
        <p className="mb-4">
          <Link href={`/applications/new?flag=${f.id}`} className="rounded bg-brand-600 px-4 py-2 text-sm text-white" data-testid="open-application">主动发现：为其受理依申请救助</Link>
        </p>
      ) : null}
      {f.canHandle ? <OutcomeForm action={recordOutcomeAction.bind(null, f.id)} /> : null}
    </>
  );
}
