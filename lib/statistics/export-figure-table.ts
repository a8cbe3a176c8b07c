import "server-only";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { ValidationError } from "@/lib/errors/app-error";
import { auditedXlsx } from "@/lib/export/audited-export";
import type { CellValue, SheetColumn } from "@/lib/export/domain/sheet";
import type { Period } from "./domain/dashboard";
import {
  TABLE_IDS,
  applicationsTables,
  coverageTables,
  isTableId,
  monitoringTables,
  paymentsTables,
  sectionOf,
  subsidyTables,
  type FigureTable,
  type TableCell,
  type TableColumn,
} from "./domain/figure-tables";
import { parsePeriod, type PeriodInput } from "./domain/period";
import { getApplicationsFigure } from "./get-applications-figure";
import { getCoverageFigure } from "./get-coverage-figure";
import { getMonitoringFigure } from "./get-monitoring-figure";
import { getPaymentsFigure } from "./get-payments-figure";
import { getSubsidyFigure } from "./get-subsidy-figure";

export type ExportFigureTableInput = PeriodInput & { table?: unknown; division?: unknown };
type Input = { division?: string; period: Period };

async function tablesOf(ctx: UseCaseContext, section: ReturnType<typeof sectionOf>, input: Input): Promise<{ tables: FigureTable[]; name: string; division: string }> {
  switch (section) {
    case "coverage": {
      const f = await getCoverageFigure(ctx, input);
      return { tables: coverageTables(f), name: f.name, division: f.division };
    }
    case "subsidy": {
      const f = await getSubsidyFigure(ctx, input);
      return { tables: subsidyTables(f), name: f.name, division: f.division };
    }
    case "payments": {
      const f = await getPaymentsFigure(ctx, input);
      return { tables: paymentsTables(f), name: f.name, division: f.division };
    }
    case "applications": {
      const f = await getApplicationsFigure(ctx, input);
      return { tables: applicationsTables(f), name: f.name, division: f.division };
    }
    case "monitoring": {
      const f = await getMonitoringFigure(ctx, input);
      return { tables: monitoringTables(f), name: f.name, division: f.division };
    }
  }
}

function sheetColumn(c: TableColumn): SheetColumn {
  if (c.kind === "money") return { header: c.header, key: c.key, width: 16, numFmt: "#,##0.00" };
  if (c.kind === "percent") return { header: `${c.header}（%）`, key: c.key, width: 12, numFmt: "0.00" };
  if (c.kind === "count") return { header: c.header, key: c.key, width: 12, numFmt: "#,##0" };
  return { header: c.header, key: c.key, width: 22 };
}

// exceljs writes numbers; a money or percent string is two-decimal exact, so
// the number shows the same digits. A missing rate stays "—".
function sheetCell(c: TableColumn, v: TableCell | undefined): CellValue {
  if (v === null || v === undefined) return c.kind === "text" ? "" : "—";
  if (c.kind === "text") return String(v);
  return typeof v === "number" ? v : Number(v);
}

/**
 * One table of the dashboard (the rows under one of its charts) as .xlsx:
 * the same rows the page shows (figure-tables.ts), with the division, the
 * period and the table's note under them and the exporter's footer. The
 * figure's own use case does the permission and jurisdiction checks.
 * Aggregates only; audited like every export.
 */
export async function exportFigureTable(ctx: UseCaseContext, input: ExportFigureTableInput): Promise<{ fileName: string; body: Buffer }> {
  const tableId = typeof input.table === "string" ? input.table.trim() : "";
  if (!isTableId(tableId)) throw new ValidationError("table", `导出的表（table）应为以下之一：${TABLE_IDS.join("、")}`);
  const period = parsePeriod(input, todayOf(ctx));
  const division = typeof input.division === "string" && input.division.trim() ? input.division.trim() : undefined;
  const { tables, name, division: code } = await tablesOf(ctx, sectionOf(tableId), { period, division });
  const table = tables.find((t) => t.id === tableId)!;
  const columns = table.columns.map(sheetColumn);
  const rows = table.rows.map((r) => Object.fromEntries(table.columns.map((c) => [c.key, sheetCell(c, r.cells[c.key])])));
  const body = await auditedXlsx(
    ctx,
    [{ name: table.title.replace(/[（）]/g, (ch) => (ch === "（" ? "(" : ")")), columns, rows, footer: [`统计范围：${name}；统计期间：${period.label}。`, ...(table.note ? [table.note] : [])] }],
    { action: "stats.export", objectType: "stats_table", objectId: `${code}:${tableId}`, detail: { table: tableId, division: code, from: period.from, to: period.to } },
  );
  return { fileName: `${table.title}-${name}-${period.label}.xlsx`, body };
}
