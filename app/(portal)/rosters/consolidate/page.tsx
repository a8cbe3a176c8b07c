import Link from "next/link";
import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { listConsolidations } from "@/lib/rosters/list-consolidations";
import { consolidateAction } from "./actions";
import { ConsolidateForm } from "./consolidate-form";

export const metadata: Metadata = { title: "汇总比对" };

export default async function ConsolidatePage() {
  const result = await loadForPage(async () => listConsolidations(await requireContext()));
  if (!result.ok) return <Notice tone="error" testId="page-error">{result.error.message}</Notice>;
  const { runs, latestMonth, suggestedMonth, suggestedDates } = result.data;
  return (
    <>
      <PageHeader
        title="汇总比对"
        description="把各部门当月名单汇总比对，按现行政策的待遇排序为每人确定唯一救助类别（待遇就高不重复）；同时在多个名单上的人员列为多重身份，并与上月比较新增、减少和类别变化。"
        actions={<Link href="/rosters" className="rounded border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-100">报送情况</Link>}
      />
      <section className="mb-8 space-y-3 rounded border border-slate-200 bg-white p-5">
        <h2 className="font-medium">开始汇总比对</h2>
        <p className="text-sm text-slate-600">
          {latestMonth ? `已汇总到 ${latestMonth}；更早的月份不能再汇总（其结果已被后续月份延续），${latestMonth} 可在补报或更正名单后重新汇总。` : "尚未汇总过任何月份。"}
          {suggestedDates.deadline ? ` ${suggestedMonth} 名单报送截止 ${suggestedDates.deadline}，应在 ${suggestedDates.consolidationDue ?? "—"} 前完成汇总比对。` : ""}
          {suggestedDates.problem ? ` ${suggestedDates.problem}` : ""}
        </p>
        <ConsolidateForm action={consolidateAction} suggestedMonth={suggestedMonth} />
      </section>

      <h2 className="mb-3 text-lg font-semibold">历次汇总</h2>
      <Table testId="consolidation-runs">
        <thead>
          <tr><Th>名单月份</Th><Th>汇总时间</Th><Th>经办人</Th><Th>人数</Th><Th>多重身份</Th><Th>新增</Th><Th>减少</Th><Th>类别变化</Th><Th>排序依据</Th><Th></Th></tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <Td className="font-medium">{r.month}</Td>
              <Td className="whitespace-nowrap">{r.runAt}</Td>
              <Td>{r.runBy}</Td>
              <Td>{r.persons.toLocaleString("zh-CN")}</Td>
              <Td>{r.conflicts.toLocaleString("zh-CN")}</Td>
              <Td>{r.added.toLocaleString("zh-CN")}</Td>
              <Td>{r.removed.toLocaleString("zh-CN")}</Td>
              <Td>{r.changed.toLocaleString("zh-CN")}</Td>
              <Td className="text-xs">{r.rankingFrom}</Td>
              <Td><Link className="text-brand-600 hover:underline" href={`/rosters/consolidate/${r.month}`}>查看</Link></Td>
            </tr>
          ))}
          {runs.length === 0 ? <tr><Td className="text-slate-500">还没有汇总记录</Td></tr> : null}
        </tbody>
      </Table>
      <p className="mt-2 text-xs text-slate-500">同一月份重新汇总时，新增、减少和类别变化按与上一次汇总结果的差异计；月份页面上的名单始终与上月比较。</p>
    </>
  );
}
