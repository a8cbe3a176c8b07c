import type { Metadata } from "next";
import { chineseDate } from "@/lib/applications/domain/print-forms";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { param } from "@/lib/http/search-params";
import type { ColumnKind, TableCell } from "@/lib/statistics/domain/figure-tables";
import { REPORT_KINDS, type ReportKind } from "@/lib/statistics/reports/domain/report-rows";
import { getAnnualReport } from "@/lib/statistics/reports/get-annual-report";
import { getMonthlyReport } from "@/lib/statistics/reports/get-monthly-report";
import { getQuarterlyReport } from "@/lib/statistics/reports/get-quarterly-report";
import { FormError, FormHead, PrintFrame } from "../../../form-parts";
import "./report-print.css";

export const metadata: Metadata = { title: "统计报表（打印）" };

const LOADERS = { monthly: getMonthlyReport, quarterly: getQuarterlyReport, annual: getAnnualReport } as const;
const NUMERALS = "一二三四五六七八九";

type Search = Promise<Record<string, string | string[] | undefined>>;

// On paper the unit is in the column head (元, 人, %), so a cell is the bare number with thousands separators.
function printCell(kind: ColumnKind, v: TableCell | undefined): string {
  if (v === null || v === undefined) return "—";
  if (kind === "text") return String(v);
  const [int, frac] = String(v).split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

export default async function ReportPrintPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const raw = param(sp.report) ?? "";
  const q = new URLSearchParams(Object.entries({ report: raw, period: param(sp.period), division: param(sp.division) }).filter((e): e is [string, string] => !!e[1])).toString();
  const back = `/stats/reports?${q}`;
  if (!(REPORT_KINDS as readonly string[]).includes(raw)) return <FormError message="报表（report）应为 monthly（月报）、quarterly（季报）或 annual（年度汇总）" back="/stats/reports" />;
  const result = await loadForPage(async () => LOADERS[raw as ReportKind](await requireContext(), { period: param(sp.period), division: param(sp.division) }));
  if (!result.ok) return <FormError message={result.error.message} back={back} />;
  const r = result.data;
  return (
    <PrintFrame back={back}>
      <div className="report-print" data-testid="report-print">
        <FormHead office={r.office} title={r.title} left={`统计范围：${r.name}`} right={`报告期：${r.period.label}`} />
        {r.tables.map((t, i) => (
          <section key={t.id} className="report-section">
            <h2>{`${NUMERALS[i]}、${t.title}`}</h2>
            <table className={`form-table lines report-table${t.columns.length <= 2 ? " narrow" : ""}`}>
              <thead>
                <tr>
                  {t.columns.map((c) => (
                    <th key={c.key} className={c.kind === "text" ? "first" : undefined}>{c.kind === "percent" ? `${c.header}（%）` : c.header}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {t.rows.map((row, j) => (
                  <tr key={row.division ?? `row-${j}`} className={row.total ? "total" : undefined}>
                    {t.columns.map((c) => (
                      <td key={c.key} className={c.kind === "text" ? undefined : "num"}>{printCell(c.kind, row.cells[c.key])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            {t.note ? <p className="small note">注：{t.note}</p> : null}
          </section>
        ))}
        <div className="report-sign">
          <div className="report-sign-top">
            <span>填报单位（盖章）：{r.office}</span>
            <span>填报日期：{chineseDate(r.preparedOn)}</span>
          </div>
          <div className="report-sign-grid">
            <span>填报人：{r.preparer}</span>
            <span>审核人：<span className="blank" /></span>
            <span>单位负责人：<span className="blank" /></span>
          </div>
        </div>
      </div>
    </PrintFrame>
  );
}
