import "server-only";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { getApplicationsFigure } from "../get-applications-figure";
import { getCoverageFigure } from "../get-coverage-figure";
import { getMonitoringFigure } from "../get-monitoring-figure";
import { getPaymentsFigure } from "../get-payments-figure";
import { getSubsidyFigure } from "../get-subsidy-figure";
import { buildReport, parseReportRequest, reportOffice, type Report, type ReportKind } from "./domain/report-rows";

// Shared by the three report use cases (not a use case itself): the five
// dashboard figures of one division and period, composed into a report.
// No query of its own: every number comes from a figure use case, so a
// report can never disagree with the dashboard.

export type ReportInput = { period?: unknown; division?: unknown };
export type IssuedReport = Report & { office: string; preparer: string; preparedOn: string };

export async function loadReport(ctx: UseCaseContext, kind: ReportKind, input: ReportInput): Promise<IssuedReport> {
  const { period } = parseReportRequest({ report: kind, period: input.period }, todayOf(ctx));
  const q = { division: input.division, period };
  // Coverage first: its scope check (stats.view, jurisdiction) refuses once, before four more would.
  const coverage = await getCoverageFigure(ctx, q);
  const [subsidy, payments, applications, monitoring] = await Promise.all([
    getSubsidyFigure(ctx, q),
    getPaymentsFigure(ctx, q),
    getApplicationsFigure(ctx, q),
    getMonitoringFigure(ctx, q),
  ]);
  const report = buildReport(kind, period, { coverage, subsidy, payments, applications, monitoring });
  return { ...report, office: reportOffice(report.division, report.name), preparer: ctx.actor.user.displayName, preparedOn: todayOf(ctx) };
}
