import "server-only";
import { timelinessFacts } from "@/db/queries/application-timeliness";
import { applicationsGroups } from "@/db/queries/stats-applications";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { aggregateTimeliness, workingDayOrdinals } from "@/lib/applications/domain/timeliness";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-working-day-calendar";
import { buildApplicationsFigure } from "./domain/applications-figure";
import type { ApplicationsFigure, Period } from "./domain/dashboard";
import { yearsOf } from "./domain/period";
import { figureScope } from "./figure-scope";

/**
 * 依申请救助 on the dashboard: the cases accepted in the period — how many,
 * where they stand now (by state), and per step of 003 §三(八) how many
 * finished on time or late and how many are open or overdue — by the
 * timeliness view's own query and counting (getTimeliness), restricted to
 * the period's acceptance dates; and per child division (docs/statistics.md).
 */
export async function getApplicationsFigure(ctx: UseCaseContext, input: { division?: unknown; period: Period }): Promise<ApplicationsFigure> {
  const scope = await figureScope(ctx, input);
  const today = todayOf(ctx);
  const years = yearsOf(input.period);
  // A case's jurisdiction key is its township; a village's figure takes its township's cases whose applicant lives there.
  const village = scope.prefix.length === 12;
  const townshipPrefix = village ? scope.prefix.slice(0, 9) : scope.prefix;
  const applicantPrefix = village ? scope.prefix : null;
  const calendar = await loadWorkingDayCalendar(scope.db);
  const { base, ordinals } = workingDayOrdinals(calendar);
  const [groups, ...facts] = await Promise.all([
    applicationsGroups(scope.db, { townshipPrefix, applicantPrefix, childDigits: scope.childDigits, years, from: input.period.from, to: input.period.to, today }),
    ...years.map((year) =>
      timelinessFacts(scope.db, {
        prefix: townshipPrefix,
        year,
        today,
        base,
        ordinals,
        accepted: { from: input.period.from, to: input.period.to },
        ...(applicantPrefix ? { applicantPrefix } : {}),
      }),
    ),
  ]);
  const timeliness = aggregateTimeliness(facts.flat(), [], "").total;
  return buildApplicationsFigure({ division: scope.division, name: scope.name, groups, timeliness, children: scope.children });
}
