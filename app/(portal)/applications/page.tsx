import Link from "next/link";
import type { Metadata } from "next";
import { inputClass } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { Table, Td, Th } from "@/components/ui/table";
import { daysLeftLabel } from "@/lib/applications/domain/application-view";
import { listApplicationQueue } from "@/lib/applications/list-application-queue";
import { requireContext } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/domain/can";
import { loadForPage } from "@/lib/http/page-errors";
import { pageParam, param } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "依申请救助" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ApplicationsPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  // Only codes in the URL (state, township): no name or ID number.
  const codes = { state: param(sp.state), township: param(sp.township) };
  const ctx = await requireContext();
  const result = await loadForPage(() => listApplicationQueue(ctx, { ...codes, page: pageParam(sp.page) }));
  const mayIntake = can(ctx.actor.user, "applications.intake");
  if (!result.ok) {
    return (
      <>
        <PageHeader title="依申请救助" />
        <Notice tone="error" testId="page-error">{result.error.message}</Notice>
        <Link href="/applications" className="text-sm text-brand-600 hover:underline">回到待我处理</Link>
      </>
    );
  }
  const q = result.data;
  const mineOnly = q.filters.state === "";
  return (
    <>
      <PageHeader
        title="依申请救助"
        description={`${q.roleName ?? ""}${mineOnly ? "待办：" + q.mine.map((s) => s.name).join("、") : ""}。特事特办案件排在最前，其余按到期日排列；剩余日数按工作日计算。`}
        actions={
          <>
            {mayIntake ? <Link href="/applications/new" className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">受理新申请</Link> : null}
            {/* The county's reviewers and managers (applications.audit) answer for the deadlines across townships. */}
            {can(ctx.actor.user, "applications.pay") ? <Link href="/applications/batches" className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">支付批次</Link> : null}
            {can(ctx.actor.user, "applications.audit") ? <Link href="/applications/timeliness" className="rounded border border-brand-600 px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50">办理时效</Link> : null}
          </>
        }
      />
      <p data-testid="queue-counts" className="mb-4 text-sm">
        {mineOnly ? "待我处理" : "符合条件"} <strong className="text-base">{q.counts.total}</strong> 件，其中超期{" "}
        <strong className={q.counts.overdue > 0 ? "text-base text-red-700" : "text-base"}>{q.counts.overdue}</strong> 件，加急{" "}
        <strong className={q.counts.urgent > 0 ? "text-base text-red-700" : "text-base"}>{q.counts.urgent}</strong> 件
      </p>
      <form method="get" action="/applications" className="mb-4 flex flex-wrap items-end gap-3" data-testid="queue-filters">
        <label className="text-sm">
          办理状态
          <select name="state" defaultValue={q.filters.state} className={`${inputClass} block w-44`}>
            <option value="">待我处理</option>
            <option value="all">全部状态</option>
            {q.stateOptions.map((s) => <option key={s.code} value={s.code}>{s.name}</option>)}
          </select>
        </label>
        {q.townships.length > 1 ? (
          <label className="text-sm">
            乡镇（街道）
            <select name="township" defaultValue={q.filters.township} className={`${inputClass} block w-44`}>
              <option value="">全部乡镇</option>
              {q.townships.map((t) => <option key={t.code} value={t.code}>{t.name}</option>)}
            </select>
          </label>
        ) : null}
        <button className="rounded bg-brand-600 px-4 py-2 text-sm text-white">查询</button>
        <Link href="/applications" className="px-2 py-2 text-sm text-brand-600 hover:underline">清除条件</Link>
      </form>
      <Table testId="queue-table">
        <thead>
          <tr><Th>申请编号</Th><Th>申请人</Th><Th>户籍地</Th><Th>状态</Th><Th>受理日期</Th><Th>本环节到期日</Th><Th>剩余时限</Th><Th>材料</Th></tr>
        </thead>
        <tbody>
          {q.rows.map((r) => {
            const late = r.clock?.overdue ?? false;
            return (
              <tr key={r.id} data-urgent={r.urgent ? "1" : undefined} data-state={r.state} className={r.urgent ? "bg-red-50" : undefined}>
                <Td className="whitespace-nowrap">
                  <Link className="font-mono text-brand-600 hover:underline" href={`/applications/${r.id}`}>{r.caseNo}</Link>
                  {r.urgent ? <span className="ml-2 rounded bg-red-600 px-1.5 py-0.5 text-xs text-white">加急</span> : null}
                </Td>
                <Td className="whitespace-nowrap">{r.personName}<span className="block font-mono text-xs text-slate-500">{r.idNumberMasked}</span></Td>
                <Td className="whitespace-nowrap">{r.placeName}</Td>
                <Td className="whitespace-nowrap">{r.stateName}</Td>
                <Td className="whitespace-nowrap tabular-nums">{r.acceptedOn}</Td>
                <Td className="whitespace-nowrap tabular-nums">{r.clock ? (r.clock.dueOn ?? "暂停计时") : "—"}</Td>
                <Td className={`whitespace-nowrap ${late ? "font-medium text-red-700" : r.clock?.daysLeft === 0 ? "font-medium text-amber-700" : ""}`} >
                  {r.clock ? (r.clock.daysLeft === null && !r.clock.paused ? "—" : daysLeftLabel(r.clock)) : "—"}
                </Td>
                <Td className="whitespace-nowrap">{r.missingDocuments > 0 ? <span className="text-amber-700">缺 {r.missingDocuments} 项</span> : "齐全"}</Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      {q.rows.length === 0 ? <p className="mt-2 text-sm text-slate-500" data-testid="queue-empty">{mineOnly ? "暂无待您处理的申请。" : "没有符合条件的申请。"}</p> : null}
      <Pager page={q.page} hasMore={q.hasMore} params={codes} path="/applications" />
    </>
  );
}
