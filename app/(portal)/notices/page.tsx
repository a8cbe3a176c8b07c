import Link from "next/link";
import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { param } from "@/lib/http/search-params";
import { formatYuan } from "@/lib/money/money";
import { listNotices } from "@/lib/notices/list-notices";
import { NOTICE_STATUS_NAMES, type NoticeStatus } from "@/lib/notices/domain/notice-status";
import { quarterLabel, type Quarter } from "@/lib/notices/domain/quarter";
import { ActionForm } from "./action-form";
import { draftAction } from "./actions";

export const metadata: Metadata = { title: "公示管理" };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** 公示工作台: notices within the jurisdiction, the quarters still to draft, filter by quarter and status. */
export default async function NoticesPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const status = param(sp.status) ?? "";
  const quarter = param(sp.quarter) ?? "";
  const ctx = await requireContext();
  const result = await loadForPage(() => listNotices(ctx));
  const header = <PageHeader title="公示管理" description="按季度、以村（社区）为单位公示县级审批同意的救助对象，公示期 5 个工作日；公示期内登记和处理异议。" actions={<Link href="/notices/archive" className="whitespace-nowrap text-sm text-brand-600 hover:underline">公示档案</Link>} />;
  if (!result.ok) return <>{header}<Notice tone="error" testId="page-error">{result.error.message}</Notice></>;
  const { notices, due } = result.data;
  // The quarters that have notices, newest first ("2026-Q3"); an unknown value simply matches nothing.
  const quarters = [...new Set(notices.map((n) => `${n.year}-Q${n.quarter}`))].sort().reverse();
  const shown = notices.filter((n) => (!status || n.displayStatus === status) && (!quarter || `${n.year}-Q${n.quarter}` === quarter));
  return (
    <>
      {header}
      {due.map((d) => (
        <div key={`${d.year}-${d.quarter}`} className="mb-4 flex flex-wrap items-start gap-4 rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm" data-testid="notice-due">
          <span className="pt-2">{NOTICE_STATUS_NAMES.due}：{quarterLabel({ year: d.year, quarter: d.quarter as Quarter })}，{d.villages} 个村（社区）有县级审批同意的救助对象尚无公示。</span>
          <ActionForm action={draftAction.bind(null, d.year, d.quarter)} label="起草" testId={`draft-${d.year}-${d.quarter}`} />
        </div>
      ))}
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <label className="text-sm">
          季度
          <select name="quarter" defaultValue={quarter} className="mt-1 block w-48 rounded border border-slate-300 bg-white px-3 py-2 text-sm">
            <option value="">全部</option>
            {quarters.map((q) => <option key={q} value={q}>{quarterLabel({ year: Number(q.slice(0, 4)), quarter: Number(q.slice(6)) as Quarter })}</option>)}
          </select>
        </label>
        <label className="text-sm">
          状态
          <select name="status" defaultValue={status} className="mt-1 block w-48 rounded border border-slate-300 bg-white px-3 py-2 text-sm">
            <option value="">全部</option>
            {(["draft", "published", "in_window", "closed"] as NoticeStatus[]).map((s) => <option key={s} value={s}>{NOTICE_STATUS_NAMES[s]}</option>)}
          </select>
        </label>
        <button className="rounded bg-brand-600 px-4 py-2 text-sm text-white">查询</button>
      </form>
      {shown.length === 0 ? (
        <Notice tone="info" testId="no-notices">没有公示。</Notice>
      ) : (
        <Table testId="notice-list">
          <thead>
            <tr><Th>季度</Th><Th>乡镇（街道）</Th><Th>村（社区）</Th><Th>状态</Th><Th className="text-right">人数</Th><Th className="text-right">金额（元）</Th><Th>公示期</Th><Th className="text-right">未处理异议</Th><Th></Th></tr>
          </thead>
          <tbody>
            {shown.map((n) => (
              <tr key={n.id}>
                <Td className="whitespace-nowrap">{quarterLabel({ year: n.year, quarter: n.quarter as Quarter })}</Td>
                <Td className="whitespace-nowrap">{n.townshipName}</Td>
                <Td className="whitespace-nowrap">{n.villageName}{n.correctsNoticeId ? "（更正）" : ""}</Td>
                <Td className="whitespace-nowrap">{NOTICE_STATUS_NAMES[n.displayStatus]}</Td>
                <Td className="text-right">{n.rowCount}</Td>
                <Td className="whitespace-nowrap text-right">{formatYuan(n.total)}</Td>
                <Td className="whitespace-nowrap">{n.windowStart ? `${n.windowStart} 至 ${n.windowEnd}` : "—"}</Td>
                <Td className="text-right">{n.openObjections}</Td>
                <Td className="whitespace-nowrap"><Link href={`/notices/${n.id}`} className="text-brand-600 hover:underline">查看</Link></Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
