import Link from "next/link";
import type { Metadata } from "next";
import { inputClass } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { Table, Td, Th } from "@/components/ui/table";
import { requireContext } from "@/lib/auth/current-actor";
import { CASE_REASON_NAMES, CASE_REASONS } from "@/lib/enrolment/domain/case-reasons";
import { listUnenrolled } from "@/lib/enrolment/list-unenrolled";
import { defaultYear } from "@/lib/enrolment/domain/year-input";
import { placeName } from "@/lib/divisions/domain/place-name";
import { loadForPage } from "@/lib/http/page-errors";
import { pageParam, param } from "@/lib/http/search-params";
import { maskName } from "@/lib/people/domain/mask-name";
import { closeCaseAction, generateWorklistAction, reopenCaseAction } from "./actions";
import { CloseCaseForm } from "./close-case-form";
import { ReopenCaseForm } from "./reopen-case-form";
import { GenerateForm } from "./generate-form";
import { TownshipCounts } from "./township-counts";

export const metadata: Metadata = { title: "未参保销号" };

type Search = Promise<Record<string, string | string[] | undefined>>;

const STATUS_NAMES: Record<string, string> = { open: "未销号", closed: "已销号", all: "全部" };
const REASONS = CASE_REASONS.map((code) => ({ code, name: CASE_REASON_NAMES[code] }));

export default async function UnenrolledPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const filters = { year: param(sp.year) ?? String(defaultYear()), township: param(sp.township), village: param(sp.village), status: param(sp.status) };
  const ctx = await requireContext();
  const result = await loadForPage(() => listUnenrolled(ctx, { ...filters, page: pageParam(sp.page) }));
  const q = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => !!e[1]));
  return (
    <>
      <PageHeader
        title="未参保人员销号"
        description="救助对象中尚未参加城乡居民医保的人员，按户籍乡镇逐一核实：参保后自动销号；因参军、服刑、参加职工医保、异地参保或死亡不能在本地参保的，选择原因后销号。身份证号脱敏显示。"
        actions={result.ok ? <a href={`/unenrolled/export?${q}`} className="rounded bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700">导出 Excel</a> : null}
      />
      {!result.ok ? (
        <Notice tone="error" testId="page-error">{result.error.message}</Notice>
      ) : (
        <div className="space-y-6">
          <form className="flex flex-wrap items-end gap-3" method="get">
            {result.data.village ? <input type="hidden" name="village" value={result.data.village.code} /> : null}
            <label className="text-sm">
              参保年度
              <input name="year" defaultValue={filters.year} className={`${inputClass} block w-28`} />
            </label>
            {result.data.townships.length > 1 ? (
              <label className="text-sm">
                乡镇（街道）
                <select name="township" defaultValue={filters.township ?? (result.data.village ? `${result.data.village.code.slice(0, 9)}000` : "")} className={`${inputClass} w-44`}>
                  <option value="">全部</option>
                  {result.data.townships.map((t) => <option key={t.code} value={t.code}>{t.name}</option>)}
                </select>
              </label>
            ) : null}
            <label className="text-sm">
              状态
              <select name="status" defaultValue={result.data.status} className={`${inputClass} w-32`}>
                {Object.entries(STATUS_NAMES).map(([v, n]) => <option key={v} value={v}>{n}</option>)}
              </select>
            </label>
            <button className="rounded bg-brand-600 px-4 py-2 text-sm text-white">查询</button>
          </form>
          {result.data.village ? (
            <p className="text-sm" data-testid="village-filter">
              仅显示 <strong>{result.data.village.name}</strong> 的人员（乡镇合计仍按全乡镇统计）。
              <Link className="ml-2 text-brand-600 hover:underline" href={`/unenrolled?${new URLSearchParams(Object.entries({ ...filters, village: undefined }).filter((e): e is [string, string] => !!e[1]))}`}>显示全部村（社区）</Link>
            </p>
          ) : null}
          {result.data.canGenerate ? <GenerateForm year={result.data.year} action={generateWorklistAction} /> : null}
          <section>
            <h2 className="mb-2 font-medium">{result.data.year} 年度各乡镇情况</h2>
            {result.data.counts.length > 0 ? <TownshipCounts counts={result.data.counts} /> : <p className="text-sm text-slate-500">该年度尚未生成未参保清单。</p>}
          </section>
          <section>
            <h2 className="mb-2 font-medium">{STATUS_NAMES[result.data.status]}人员</h2>
            <Table testId="unenrolled-table">
              <thead>
                <tr><Th>姓名</Th><Th>身份证号</Th><Th>乡镇 / 村</Th><Th>状态</Th><Th>销号</Th></tr>
              </thead>
              <tbody>
                {result.data.rows.map((r) => (
                  <tr key={r.id} data-testid="unenrolled-row">
                    <Td className="whitespace-nowrap"><Link className="text-brand-600 hover:underline" href={`/people/${r.personId}`}>{r.name}</Link></Td>
                    <Td className="whitespace-nowrap font-mono">{r.idNumberMasked}</Td>
                    <Td className="whitespace-nowrap">{placeName(r)}</Td>
                    <Td className="whitespace-nowrap">{r.status === "open" ? "未销号" : "已销号"}</Td>
                    <Td>
                      {r.status === "open" ? (
                        <CloseCaseForm name={r.name} who={`${maskName(r.name)}（${r.idNumberMasked}）`} reasons={REASONS} action={closeCaseAction.bind(null, r.id)} />
                      ) : (
                        <>
                          <span className="text-sm">{r.reason ? CASE_REASON_NAMES[r.reason] : ""}{r.note ? `：${r.note}` : ""}</span>
                          <ReopenCaseForm key={r.closedAt?.toISOString()} name={r.name} who={`${maskName(r.name)}（${r.idNumberMasked}）`} action={reopenCaseAction.bind(null, r.id)} />
                        </>
                      )}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            {result.data.rows.length === 0 ? <p className="mt-2 text-sm text-slate-500">没有符合条件的人员。</p> : null}
            <Pager page={result.data.page} hasMore={result.data.hasMore} params={filters} path="/unenrolled" />
          </section>
        </div>
      )}
    </>
  );
}
