import Link from "next/link";
import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { Table, Td, Th } from "@/components/ui/table";
import { inputClass } from "@/components/ui/form";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { param } from "@/lib/http/search-params";
import { formatYuan } from "@/lib/money/money";
import { listFlags } from "@/lib/monitoring/list-flags";

export const metadata: Metadata = { title: "因病返贫致贫监测预警" };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** 监测预警 worklist: only codes and ids in the URL (status, township, rule, order, page), never a person. */
export default async function MonitoringPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const raw = { status: param(sp.status), township: param(sp.township), rule: param(sp.rule), order: param(sp.order), page: param(sp.page) };
  const ctx = await requireContext();
  const result = await loadForPage(() => listFlags(ctx, raw));
  const header = (
    <PageHeader
      title="因病返贫致贫监测预警"
      description="年度内经各项保障后个人负担超过监测标准的人员。结算记录导入、重新结算或年度参数变更时自动重新计算；每人每年每条规则只预警一次，须逐条跟踪到办结。"
    />
  );
  if (!result.ok) return <>{header}<Notice tone="error" testId="page-error">{result.error.message}</Notice></>;
  const r = result.data;
  const q = r.query;
  const params = { status: q.status ?? "all", township: q.township, rule: q.rule, order: q.order };
  return (
    <>
      {header}
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" data-testid="flag-filters">
        <label className="text-sm">
          状态
          <select name="status" defaultValue={q.status ?? "all"} className={`${inputClass} block w-32`}>
            <option value="open">未办结</option>
            <option value="closed">已办结</option>
            <option value="all">全部</option>
          </select>
        </label>
        {r.townships.length > 1 ? (
          <label className="text-sm">
            乡镇（街道）
            <select name="township" defaultValue={q.township ?? ""} className={`${inputClass} block w-40`}>
              <option value="">全部乡镇</option>
              {r.townships.map((t) => <option key={t.code} value={t.code}>{t.name}</option>)}
            </select>
          </label>
        ) : null}
        <label className="text-sm">
          监测规则
          <select name="rule" defaultValue={q.rule ?? ""} className={`${inputClass} block w-56`}>
            <option value="">全部规则</option>
            {r.rules.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select>
        </label>
        <label className="text-sm">
          排序
          <select name="order" defaultValue={q.order} className={`${inputClass} block w-44`}>
            <option value="excess">超出标准最多在前</option>
            <option value="oldest">预警最早在前</option>
          </select>
        </label>
        <button className="rounded bg-brand-600 px-4 py-2 text-sm text-white">查询</button>
        <Link href="/monitoring" className="px-2 py-2 text-sm text-brand-600 hover:underline">清除条件</Link>
      </form>
      <p className="mb-2 text-sm text-slate-600" data-testid="flag-total">共 {r.total} 条</p>
      {r.rows.length === 0 ? (
        <Notice tone="info" testId="no-flags">没有符合条件的监测预警。</Notice>
      ) : (
        <Table testId="flag-list">
          <thead>
            <tr>
              <Th>姓名</Th><Th>户籍所在地</Th><Th>类别</Th><Th>年度</Th><Th className="text-right">预警时负担</Th><Th className="text-right">最新负担</Th>
              <Th className="text-right">监测标准</Th><Th>规则</Th><Th>预警日期</Th><Th className="text-right">已挂起（天）</Th><Th>状态</Th><Th></Th>
            </tr>
          </thead>
          <tbody>
            {r.rows.map((f) => (
              <tr key={f.id} data-testid="flag-row">
                <Td className="whitespace-nowrap">{f.personName}</Td>
                <Td className="whitespace-nowrap">{f.place}</Td>
                <Td className="whitespace-nowrap">{f.categoryName}</Td>
                <Td>{f.year}</Td>
                <Td className="text-right font-mono whitespace-nowrap">{formatYuan(f.figure)}</Td>
                <Td className="text-right font-mono whitespace-nowrap">
                  {formatYuan(f.latestFigure)}
                  {f.stillOver ? null : <span className="block text-xs text-amber-700">已低于标准</span>}
                </Td>
                <Td className="text-right font-mono whitespace-nowrap">{formatYuan(f.threshold)}</Td>
                <Td className="max-w-56" ><span title={f.basis}>{f.ruleName}</span></Td>
                <Td className="whitespace-nowrap">{f.raisedOn}</Td>
                <Td className="text-right">{f.daysOpen}</Td>
                <Td className="whitespace-nowrap">
                  {f.status === "open" ? <span className="text-red-700">未办结</span> : <span>{f.outcomeName}{f.caseNo ? `（${f.caseNo}）` : ""}</span>}
                </Td>
                <Td><Link href={`/monitoring/${f.id}`} className="whitespace-nowrap text-brand-600 hover:underline">{f.status === "open" ? "处理" : "查看"}</Link></Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pager page={q.page} hasMore={r.hasMore} params={params} path="/monitoring" />
    </>
  );
}
