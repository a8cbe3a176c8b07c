import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { ValidationError } from "@/lib/errors/app-error";
import { auditedXlsx } from "@/lib/export/audited-export";
import type { CellValue, SheetColumn } from "@/lib/export/domain/sheet";
import type { TableCell, TableColumn } from "../domain/figure-tables";
import { REPORT_KINDS, type ReportKind } from "./domain/report-rows";
import { getAnnualReport } from "./get-annual-report";
import { getMonthlyReport } from "./get-monthly-report";
import { getQuarterlyReport } from "./get-quarterly-report";
import type { ReportInput } from "./load-report";

const LOADERS = { monthly: getMonthlyReport, quarterly: getQuarterlyReport, annual: getAnnualReport } as const;

function sheetColumn(c: TableColumn): SheetColumn {
  if (c.kind === "money") return { header: c.header, key: c.key, width: 18, numFmt: "#,##0.00" };
  if (c.kind === "percent") return { header: `${c.header}（%）`, key: c.key, width: 14, numFmt: "0.00" };
  if (c.kind === "count") return { header: c.header, key: c.key, width: 13, numFmt: "#,##0" };
  return { header: c.header, key: c.key, width: c.key === "item" ? 44 : 18 };
}

// Money and percent strings are two-decimal exact, so the number shows the same digits; a missing rate stays "—".
function sheetCell(c: TableColumn, v: TableCell | undefined): CellValue {
  if (v === null || v === undefined) return c.kind === "text" ? "" : "—";
  if (c.kind === "text") return String(v);
  return typeof v === "number" ? v : Number(v);
}

/**
 * One report (月报, 季报 or 年度汇总) as .xlsx: a sheet per table with the
 * same rows as the page, each sheet's footer naming the issuing office, the
 * period, the preparer and the date, then the exporter's stamp. Aggregates
 * only; audited (stats.export_report) like every export.
 */
export async function exportReport(ctx: UseCaseContext, input: ReportInput & { report?: unknown }): Promise<{ fileName: string; body: Buffer }> {
  const kind = typeof input.report === "string" ? input.report.trim() : "";
  if (!(REPORT_KINDS as readonly string[]).includes(kind)) throw new ValidationError("report", "报表（report）应为 monthly（月报）、quarterly（季报）或 annual（年度汇总）");
  const r = await LOADERS[kind as ReportKind](ctx, input);
  const head = [`${r.title}`, `填报单位：${r.office}；报告期：${r.period.label}；填报人：${r.preparer}；填报日期：${r.preparedOn}。`];
  const sheets = r.tables.map((t, i) => ({
    name: `${i + 1}.${t.title}`,
    columns: t.columns.map(sheetColumn),
    rows: t.rows.map((row) => Object.fromEntries(t.columns.map((c) => [c.key, sheetCell(c, row.cells[c.key])]))),
    footer: [...(t.note ? [t.note] : []), ...head],
  }));
  const body = await auditedXlsx(ctx, sheets, {
    action: "stats.export_report",
    objectType: "stats_report",
    objectId: `${r.division}:${r.kind}:${r.period.from}`,
    detail: { report: r.kind, division: r.division, from: r.period.from, to: r.period.to },
  });
  return { fileName: `${r.title}-${r.name}-${r.period.label}.xlsx`, body };
}
