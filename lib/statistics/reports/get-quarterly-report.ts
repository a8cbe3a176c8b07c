import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { loadReport, type IssuedReport, type ReportInput } from "./load-report";

/**
 * 政策落实和资金使用情况（季报）: the report of one division (default the actor's jurisdiction)
 * for one quarter (period=2026-Q3); rows defined in docs/statistics.md (报表). stats.view and the
 * jurisdiction are checked by the figure use cases it composes.
 */
export async function getQuarterlyReport(ctx: UseCaseContext, input: ReportInput): Promise<IssuedReport> {
  return loadReport(ctx, "quarterly", input);
}
