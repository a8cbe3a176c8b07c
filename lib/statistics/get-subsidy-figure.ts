import "server-only";
import { subsidyBySource, subsidyGroups } from "@/db/queries/stats-subsidy";
import type { UseCaseContext } from "@/lib/auth/context";
import type { Period, SubsidyFigure } from "./domain/dashboard";
import { yearsOf } from "./domain/period";
import { buildSubsidyFigure } from "./domain/subsidy-figure";
import { figureScope } from "./figure-scope";

/**
 * 资助参保 on the dashboard: the premium subsidies of the enrolment years the
 * period touches (a subsidy belongs to its contribution year, not to a day),
 * for the people now in the division — by funding source, by category (the
 * one the subsidy was computed for: held on the payment day) and by child
 * division (docs/statistics.md).
 */
export async function getSubsidyFigure(ctx: UseCaseContext, input: { division?: unknown; period: Period }): Promise<SubsidyFigure> {
  const scope = await figureScope(ctx, input);
  const years = yearsOf(input.period);
  const [groups, sources] = await Promise.all([
    subsidyGroups(scope.db, { prefix: scope.prefix, childDigits: scope.childDigits, years }),
    subsidyBySource(scope.db, { prefix: scope.prefix, years }),
  ]);
  return buildSubsidyFigure({ division: scope.division, name: scope.name, years, groups, sources, children: scope.children });
}
