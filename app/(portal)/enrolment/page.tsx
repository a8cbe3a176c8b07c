import Link from "next/link";
import type { Metadata } from "next";
import { inputClass } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { Table, Td, Th } from "@/components/ui/table";
import { requireContext } from "@/lib/auth/current-actor";
import { fundingText, tierName } from "@/lib/enrolment/domain/funding-text";
import { listLedger } from "@/lib/enrolment/list-ledger";
import { NOT_COMPUTED_TEXT } from "@/lib/enrolment/domain/subsidy-for-enrolment";
import { defaultYear } from "@/lib/enrolment/domain/year-input";
import { placeName } from "@/lib/divisions/domain/place-name";
import { loadForPage } from "@/lib/http/page-errors";
import { uploadLimitBytes, uploadLimitMb } from "@/lib/uploads/upload-limit";
import { pageParam, param } from "@/lib/http/search-params";
import { formatYuan } from "@/lib/money/money";
import { computeSubsidiesAction } from "./actions";
import { ComputeForm } from "./compute-form";
import { LedgerTotals } from "./ledger-totals";
import { UploadForm } from "./upload-form";

export const metadata: Metadata = { title: "参保台账" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function EnrolmentPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const filters = { year: param(sp.year) ?? String(defaultYear()), township: param(sp.township) };
  const ctx = await requireContext();
  const result = await loadForPage(() => listLedger(ctx, { ...filters, page: pageParam(sp.page) }));
  const exportHref = `/enrolment/export?${new URLSearchParams({ year: filters.year, ...(filters.township ? { township: filters.township } : {}) })}`;
  return (
    <>
      <PageHeader
        title="参保台账与资助参保"
        description="低收入人口参保台账：按缴费当日的救助身份和当日启用的政策计算资助参保金额（000 §二(一)：按参保缴费时就高身份确定，之后身份变化不再差额资助）。身份证号脱敏显示。"
        actions={
          <>
            <a href="/enrolment/template" className="rounded border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-100">下载模板</a>
            {result.ok ? <a href={exportHref} className="rounded bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700">导出 Excel</a> : null}
          </>
        }
      />
      <UploadForm notComputedText={NOT_COMPUTED_TEXT} maxBytes={uploadLimitBytes()} maxMb={uploadLimitMb()} />
      {!result.ok ? (
        <div className="mt-6"><Notice tone="error" testId="page-error">{result.error.message}</Notice></div>
      ) : (
        <div className="mt-6 space-y-6">
          <form className="flex flex-wrap items-end gap-3" method="get">
            <label className="text-sm">
              参保年度
              <input name="year" defaultValue={filters.year} list="enrolment-years" className={`${inputClass} block w-28`} />
              <datalist id="enrolment-years">{result.data.years.map((y) => <option key={y} value={y} />)}</datalist>
            </label>
            <label className="text-sm">
              乡镇（街道）
              <select name="township" defaultValue={filters.township ?? ""} className={`${inputClass} w-44`}>
                <option value="">全部</option>
                {result.data.townships.map((t) => <option key={t.code} value={t.code}>{t.name}</option>)}
              </select>
            </label>
            <button className="rounded bg-brand-600 px-4 py-2 text-sm text-white">查询</button>
          </form>
          <p className="text-sm text-slate-600" data-testid="ledger-summary">
            {result.data.year} 年度：本系统登记人员参保 {result.data.counts.enrolled} 人，其中缴费当日属救助对象 {result.data.totals.people} 人，
            资助合计 {formatYuan(result.data.totals.subsidy)}，个人负担 {formatYuan(result.data.totals.personal)}。
          </p>
          <ComputeForm year={result.data.year} pending={result.data.counts.pending} action={computeSubsidiesAction} />
          <LedgerTotals totals={result.data.totals} byCategory={result.data.byCategory} />
          <h2 className="font-medium">明细</h2>
          <Table testId="ledger-table">
            <thead>
              <tr><Th>姓名</Th><Th>身份证号</Th><Th>乡镇 / 村</Th><Th>缴费日身份</Th><Th>档次</Th><Th>缴费日期</Th><Th className="text-right">个人缴费标准</Th><Th className="text-right">资助</Th><Th className="text-right">个人负担</Th><Th>资金来源</Th></tr>
            </thead>
            <tbody>
              {result.data.rows.map((r) => (
                <tr key={r.personId}>
                  <Td><Link className="text-brand-600 hover:underline" href={`/people/${r.personId}`}>{r.name}</Link></Td>
                  <Td className="font-mono">{r.idNumberMasked}</Td>
                  <Td className="whitespace-nowrap">{placeName(r)}</Td>
                  <Td>{r.categoryName}</Td>
                  <Td>{tierName(r.tier)}</Td>
                  <Td>{r.paidOn}</Td>
                  <Td className="text-right font-mono">{formatYuan(r.contribution)}</Td>
                  <Td className="text-right font-mono">{formatYuan(r.subsidy)}</Td>
                  <Td className="text-right font-mono">{formatYuan(r.personal)}</Td>
                  <Td className="text-xs">{fundingText(r.funding)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {result.data.rows.length === 0 ? <p className="text-sm text-slate-500">该年度暂无资助参保记录。</p> : null}
          <Pager page={result.data.page} hasMore={result.data.hasMore} params={filters} path="/enrolment" />
        </div>
      )}
    </>
  );
}
