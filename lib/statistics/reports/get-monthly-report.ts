import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { loadReport, type IssuedReport, type ReportInput } from "./load-report";

/**
 * 医保扶贫工作信息（月报）: the report of one division (default the actor's jurisdiction)
 * for one month (period=2026-11); rows defined in docs/statistics.md (报表). stats.view and the
 * jurisdiction are checked by the figure use cases it composes.
 */
export async function getMonthlyReport(ctx: UseCaseContext, input: ReportInput): Promise<IssuedReport> {
  return loadReport(ctx, "monthly", input);
}
