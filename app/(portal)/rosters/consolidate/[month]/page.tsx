import Link from "next/link";
import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { Table, Td, Th } from "@/components/ui/table";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { pageParam, param } from "@/lib/http/search-params";
import { getMonthConsolidation } from "@/lib/rosters/get-month-consolidation";
import { CONSOLIDATION_LISTS, CONSOLIDATION_LIST_NAMES, type ConsolidationList, type ListedPerson } from "@/lib/rosters/read-consolidation-list";

export const metadata: Metadata = { title: "汇总比对结果" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function MonthConsolidationPage({ params, searchParams }: { params: Promise<{ month: string }>; searchParams: Search }) {
  const { month } = await params;
  const sp = await searchParams;
  const category = param(sp.category);
  const result = await loadForPage(async () =>
    getMonthConsolidation(await requireContext(), { month, list: param(sp.list), page: pageParam(sp.page), category }),
  );
  if (!result.ok) return <Notice tone="error" testId="page-error">{result.error.message}</Notice>;
  const data = result.data;
  if (!data)
    return (
      <>
        <PageHeader title={`${month} 汇总比对`} />
        <Notice testId="not-consolidated">{month} 尚未汇总比对。<Link className="text-brand-600 underline" href="/rosters/consolidate">去汇总比对</Link></Notice>
      </>
    );
  const { run, counts, byCategory, shown } = data;
  const href = (list: ConsolidationList, extra: Record<string, string> = {}) => `/rosters/consolidate/${month}?${new URLSearchParams({ list, ...extra })}`;
  return (
    <>
      <PageHeader
        title={`${month} 汇总比对结果`}
        description={`${run.runAt} 由 ${run.runBy} 汇总，排序依据：${run.rankingFrom}。新增、减少和类别变化均与上月相比；身份证号已脱敏。`}
        actions={<Link href="/rosters/consolidate" className="rounded border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-100">返回汇总比对</Link>}
      />
      {sp.ran ? (
        <Notice tone="success" testId="consolidation-result">
          汇总比对完成：{counts.persons.toLocaleString("zh-CN")} 人各确定唯一救助类别，多重身份 {counts.conflicts} 人，与上月相比新增 {counts.added}、减少 {counts.removed}、类别变化 {counts.changed}。
        </Notice>
      ) : null}
      <section aria-labelledby="by-category-title" className="mb-6">
        <h2 id="by-category-title" className="mb-2 font-medium">
          按救助类别（{month}-01 在册，共 {counts.persons.toLocaleString("zh-CN")} 人，按待遇从高到低）
        </h2>
        <ul data-testid="by-category" className="flex flex-wrap gap-2 text-sm">
          {byCategory.map((c) => (
            <li key={c.category}>
              <Link
                className="block rounded border border-slate-200 bg-white px-3 py-1.5 hover:border-brand-600"
                href={href("persons", { category: c.category })}
              >
                {c.name} <strong className="ml-1">{c.count.toLocaleString("zh-CN")}</strong>
              </Link>
            </li>
          ))}
        </ul>
        {byCategory.some((c) => c.unassisted) ? (
          <ul data-testid="unassisted-categories" className="mt-2 space-y-0.5 text-xs text-amber-800">
            {byCategory
              .filter((c) => c.unassisted)
              .map((c) => (
                <li key={c.category}>
                  {c.name} {c.count.toLocaleString("zh-CN")} 人：{c.unassisted}
                </li>
              ))}
          </ul>
        ) : null}
      </section>
      <nav aria-label="名单" className="mb-3 flex flex-wrap gap-2">
        {CONSOLIDATION_LISTS.map((l) => (
          <Link
            key={l}
            href={href(l)}
            aria-current={shown.list === l ? "page" : undefined}
            className={`rounded border px-3 py-1.5 text-sm ${shown.list === l ? "border-brand-600 bg-brand-50 font-medium text-brand-700" : "border-slate-300 bg-white hover:bg-slate-100"}`}
          >
            {CONSOLIDATION_LIST_NAMES[l]}（{counts[l].toLocaleString("zh-CN")}）
          </Link>
        ))}
      </nav>
      <div className="mb-2 flex items-center justify-between text-sm text-slate-600">
        <span>
          {CONSOLIDATION_LIST_NAMES[shown.list]}
          {category && shown.list === "persons" ? `（${byCategory.find((c) => c.category === category)?.name ?? category}）` : ""} · 共 {shown.total.toLocaleString("zh-CN")} 人
        </span>
        <a className="text-brand-600 hover:underline" href={`/api/v1/rosters/consolidations/${month}/export?list=${shown.list}`} download>
          导出 Excel
        </a>
      </div>
      <ListTable list={shown.list} rows={shown.rows} />
      <Pager page={shown.page} hasMore={shown.hasMore} params={{ list: shown.list, category }} path={`/rosters/consolidate/${month}`} />
    </>
  );
}

function ListTable({ list, rows }: { list: ConsolidationList; rows: ListedPerson[] }) {
  const person = (r: ListedPerson) => (
    <>
      <Td className="whitespace-nowrap"><Link className="text-brand-600 hover:underline" href={`/people/${r.personId}`}>{r.name}</Link></Td>
      <Td className="font-mono whitespace-nowrap">{r.idNumberMasked}</Td>
      <Td className="whitespace-nowrap">{r.place}</Td>
    </>
  );
  return (
    <Table testId={`list-${list}`}>
      <thead>
        <tr>
          <Th>姓名</Th><Th>身份证号</Th><Th>乡镇 / 村（社区）</Th>
          {list === "conflicts" ? <><Th>所在名单</Th><Th>确定类别</Th><Th>确定理由</Th></> : null}
          {list === "changed" ? <><Th>上月类别 → 本月类别</Th><Th>来源名单</Th></> : null}
          {list === "removed" ? <><Th>原类别</Th><Th>原来源名单</Th></> : null}
          {list === "added" || list === "persons" ? <><Th>救助类别</Th><Th>来源名单</Th></> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.personId}>
            {person(r)}
            {list === "conflicts" ? (
              <>
                <Td className="text-xs">{r.candidates?.split("；").map((c) => <span key={c} className="block whitespace-nowrap">{c}</span>)}</Td>
                <Td className="font-medium whitespace-nowrap">{r.after}</Td>
                <Td className="text-xs">{r.reason}</Td>
              </>
            ) : null}
            {list === "changed" ? <><Td>{r.before} → <strong>{r.after}</strong></Td><Td>{r.source}</Td></> : null}
            {list === "removed" ? <><Td>{r.before}</Td><Td>{r.source}</Td></> : null}
            {list === "added" || list === "persons" ? <><Td>{r.after}</Td><Td>{r.source}</Td></> : null}
          </tr>
        ))}
        {rows.length === 0 ? <tr><Td className="text-slate-500">无</Td></tr> : null}
      </tbody>
    </Table>
  );
}
