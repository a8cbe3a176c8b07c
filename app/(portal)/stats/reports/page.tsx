import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { chineseDate } from "@/lib/applications/domain/print-forms";
import { todayOf } from "@/lib/auth/context";
import { requireContext } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors/app-error";
import { loadForPage } from "@/lib/http/page-errors";
import { param } from "@/lib/http/search-params";
import { formatCell } from "@/lib/statistics/domain/figure-tables";
import { REPORT_KINDS, defaultReportPeriod, parseReportRequest, type ReportKind } from "@/lib/statistics/reports/domain/report-rows";
import { getAnnualReport } from "@/lib/statistics/reports/get-annual-report";
import { getMonthlyReport } from "@/lib/statistics/reports/get-monthly-report";
import { getQuarterlyReport } from "@/lib/statistics/reports/get-quarterly-report";
import { ReportForm } from "./report-form";

export const metadata: Metadata = { title: "统计报表" };

const LOADERS = { monthly: getMonthlyReport, quarterly: getQuarterlyReport, annual: getAnnualReport } as const;

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ReportsPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const ctx = await requireContext();
  const today = todayOf(ctx);
  const raw = param(sp.report);
  const kind: ReportKind = raw && (REPORT_KINDS as readonly string[]).includes(raw) ? (raw as ReportKind) : "quarterly";
  const division = param(sp.division);
  let period = param(sp.period) ?? defaultReportPeriod(kind, today);
  let inputError: string | null = raw && raw !== kind ? "报表（report）应为 monthly（月报）、quarterly（季报）或 annual（年度汇总），已显示季报" : null;
  try {
    parseReportRequest({ report: kind, period }, today);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    inputError = `${err.message}（已显示当期）`;
    period = defaultReportPeriod(kind, today);
  }
  // Someone else's township is the 403 page: nothing of it is read.
  const result = await loadForPage(() => LOADERS[kind](ctx, { period, division }));
  if (!result.ok) return <Notice tone="error" testId="page-error">{result.error.message}</Notice>;
  const r = result.data;
  const q = new URLSearchParams({ report: kind, period, ...(division ? { division } : {}) }).toString();

  return (
    <div>
      <PageHeader
        title="统计报表"
        description="医保扶贫统计报表（004 第三部分第（六）项：按月报送扶贫工作信息、按季报送政策落实和资金使用情况）及年度汇总。汇总数字，不含个人信息。"
        actions={
          <>
            <a href={`/stats/reports/print?${q}`} className="rounded border border-brand-600 bg-white px-3 py-2 text-sm text-brand-700 hover:bg-brand-50" data-testid="print-report">打印（A4）</a>
            <a href={`/stats/reports/export?${q}`} className="rounded bg-brand-600 px-3 py-2 text-sm text-white hover:bg-brand-700" data-testid="export-report">导出 Excel</a>
          </>
        }
      />
      {inputError ? <Notice tone="error" testId="report-error">{inputError}</Notice> : null}
      <ReportForm kind={kind} period={period} today={today} division={division ?? null} />
      <section className="rounded border border-slate-200 bg-white p-5" data-testid="report">
        <p className="text-center text-sm tracking-widest text-slate-600">{r.office}</p>
        <h2 className="mt-1 text-center text-lg font-semibold text-slate-900" data-testid="report-title">{r.title}</h2>
        <div className="mt-3 flex flex-wrap justify-between gap-2 text-sm text-slate-600">
          <span>统计范围：{r.name}</span>
          <span data-testid="report-period">报告期：{r.period.label}</span>
          <span>填报人：{r.preparer}</span>
          <span>填报日期：{chineseDate(r.preparedOn)}</span>
        </div>
        {r.tables.map((t, i) => (
          <div key={t.id} className="mt-6" data-testid={`report-table-${t.id}`}>
            <h3 className="mb-2 text-sm font-semibold text-slate-800">{`${"一二三四五六七八"[i]}、${t.title}`}</h3>
            <div className="overflow-x-auto rounded border border-slate-200">
              <table className="min-w-full text-[13px] tabular-nums">
                <thead>
                  <tr>
                    {t.columns.map((c) => (
                      <th key={c.key} className={`bg-slate-50 px-2 py-1.5 font-medium whitespace-nowrap text-slate-600 ${c.kind === "text" ? "text-left" : "text-right"}`}>{c.header}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {t.rows.map((row, j) => (
                    <tr key={row.division ?? `row-${j}`} className={row.total ? "bg-slate-50 font-semibold" : ""} data-division={row.division}>
                      {t.columns.map((c, k) => (
                        <td key={c.key} data-key={c.key} className={`border-t border-slate-100 px-2 py-1.5 whitespace-nowrap ${c.kind === "text" ? "text-left" : "text-right"}`}>
                          {k === 0 && row.division ? (
                            <Link href={`/stats/reports?${new URLSearchParams({ report: kind, period, division: row.division }).toString()}`} className="text-brand-700 hover:underline">{formatCell(c.kind, row.cells[c.key])}</Link>
                          ) : (
                            formatCell(c.kind, row.cells[c.key])
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {t.note ? <p className="mt-1 text-xs text-slate-500">注：{t.note}</p> : null}
          </div>
        ))}
      </section>
      <p className="mt-4 text-sm text-slate-500">
        各项口径见统计分析页；数字与 <Link href={`/stats?period=${period}${division ? `&division=${division}` : ""}`} className="text-brand-700 hover:underline">统计分析</Link> 同源。
      </p>
    </div>
  );
}
