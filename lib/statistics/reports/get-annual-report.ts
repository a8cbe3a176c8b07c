import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { loadReport, type IssuedReport, type ReportInput } from "./load-report";

/**
 * 年度汇总: the report of one division (default the actor's jurisdiction)
 * for one year (period=2026); rows defined in docs/statistics.md (报表). stats.view and the
 * jurisdiction are checked by the figure use cases it composes.
 */
export async function getAnnualReport(ctx: UseCaseContext, input: ReportInput): Promise<IssuedReport> {
  return loadReport(ctx, "annual", input);
}
