import Link from "next/link";
import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { formatYuan } from "@/lib/money/money";
import { listNoticeArchive } from "@/lib/notices/list-notice-archive";
import { quarterLabel, type Quarter } from "@/lib/notices/domain/quarter";

export const metadata: Metadata = { title: "公示档案" };

/** 公示档案: notices whose window has closed, exactly as published (the detail page shows the frozen rows). */
export default async function NoticeArchivePage() {
  const ctx = await requireContext();
  const result = await loadForPage(() => listNoticeArchive(ctx));
  const header = <PageHeader title="公示档案" description="公示期满的公示，按发布时的内容留存，不再在公开页面显示。" />;
  if (!result.ok) return <>{header}<Notice tone="error" testId="page-error">{result.error.message}</Notice></>;
  const { notices } = result.data;
  return (
    <>
      {header}
      <p className="mb-3 text-sm"><Link href="/notices" className="text-brand-600 hover:underline">← 公示管理</Link></p>
      {notices.length === 0 ? <Notice tone="info" testId="no-archive">尚无公示期满的公示。</Notice> : (
        <Table testId="archive-list">
          <thead><tr><Th>季度</Th><Th>乡镇（街道）</Th><Th>村（社区）</Th><Th>公示单位</Th><Th>发布日期</Th><Th>公示期</Th><Th className="text-right">人数</Th><Th className="text-right">金额（元）</Th><Th></Th></tr></thead>
          <tbody>
            {notices.map((n) => (
              <tr key={n.id}>
                <Td className="whitespace-nowrap">{quarterLabel({ year: n.year, quarter: n.quarter as Quarter })}</Td>
                <Td className="whitespace-nowrap">{n.townshipName}</Td>
                <Td className="whitespace-nowrap">{n.villageName}{n.correctsNoticeId ? "（更正）" : ""}</Td>
                <Td className="whitespace-nowrap">{n.issuer}</Td>
                <Td className="whitespace-nowrap">{n.publishedOn}</Td>
                <Td className="whitespace-nowrap">{n.windowStart} 至 {n.windowEnd}</Td>
                <Td className="text-right">{n.rowCount}</Td>
                <Td className="whitespace-nowrap text-right">{formatYuan(n.total)}</Td>
                <Td className="whitespace-nowrap"><Link href={`/notices/${n.id}`} className="text-brand-600 hover:underline">查看</Link></Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
