import "server-only";
import { monitoringGroups } from "@/db/queries/stats-monitoring";
import type { UseCaseContext } from "@/lib/auth/context";
import type { MonitoringFigure, Period } from "./domain/dashboard";
import { buildMonitoringFigure } from "./domain/monitoring-figure";
import { yearsOf } from "./domain/period";
import { figureScope } from "./figure-scope";

/**
 * 监测预警 on the dashboard: the flags of the years the period touches (a flag
 * belongs to the year whose costs crossed the rule), raised, open and closed
 * by outcome, per child division of the flagged person (docs/statistics.md).
 */
export async function getMonitoringFigure(ctx: UseCaseContext, input: { division?: unknown; period: Period }): Promise<MonitoringFigure> {
  const scope = await figureScope(ctx, input);
  const years = yearsOf(input.period);
  const groups = await monitoringGroups(scope.db, { prefix: scope.prefix, childDigits: scope.childDigits, years });
  return buildMonitoringFigure({ division: scope.division, name: scope.name, years, groups, children: scope.children });
}
