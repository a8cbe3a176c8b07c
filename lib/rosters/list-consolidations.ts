import "server-only";
import { listConsolidationRuns } from "@/db/queries/roster-consolidation-views";
import { submittedMonths } from "@/db/queries/roster-views";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-working-day-calendar";
import { beijingToday } from "@/lib/calendar/domain/iso-date";
import { categoryRows } from "./domain/roster-labels";
import { monthDeadlines } from "./domain/roster-deadlines";

const RUNS_SHOWN = 36;

/**
 * The consolidation page: past runs (newest first), the latest consolidated
 * month (earlier months can no longer be run), and the month to run next —
 * the first month with lists after the latest consolidated one, else that
 * month again (a re-run after a late or corrected list).
 */
export async function listConsolidations(ctx: UseCaseContext) {
  await requirePermission(ctx, "rosters.consolidate");
  const [runs, months, calendar] = await Promise.all([
    listConsolidationRuns(ctx.db, RUNS_SHOWN),
    submittedMonths(ctx.db),
    loadWorkingDayCalendar(ctx.db),
  ]);
  const latest = runs.reduce<string | null>((m, r) => (m === null || r.month > m ? r.month : m), null);
  const today = beijingToday(new Date());
  const suggested = (latest ? months.find((m) => m > latest) : months[0]) ?? latest ?? today.slice(0, 7);
  return {
    latestMonth: latest,
    suggestedMonth: suggested,
    suggestedDates: monthDeadlines(calendar, suggested),
    runs: runs.map((r) => ({
      ...r,
      runBy: r.runBy ?? "命令行",
      rankingFrom: r.policyName ? `${r.policyName}（第 ${r.policyVersion} 版）` : "默认排序",
      byCategory: categoryRows(r.byCategory),
    })),
  };
}
