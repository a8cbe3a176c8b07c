import "server-only";
import { coverageGroups } from "@/db/queries/coverage-stats";
import { hasActivationsBelow } from "@/db/queries/stats-policy";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { policyForClaimDate } from "@/lib/policies/policy-for-claim-date";
import { buildCoverageFigure } from "./domain/coverage-figure";
import type { CoverageFigure, Period } from "./domain/dashboard";
import { reportingDate } from "./domain/period";
import { figureScope } from "./figure-scope";

/**
 * 参保覆盖 on the dashboard: the assisted population on the reporting date
 * (the period's end, or today if earlier) by category and child division,
 * how many are enrolled for that year, the rate, the target of the policy in
 * force and the gap in people (docs/statistics.md). The same grouped count as
 * `stats coverage` (coverageGroups), so the CLI and the dashboard agree.
 */
export async function getCoverageFigure(ctx: UseCaseContext, input: { division?: unknown; period: Period }): Promise<CoverageFigure> {
  const scope = await figureScope(ctx, input);
  const on = reportingDate(input.period, todayOf(ctx));
  const targetOf = async (code: string) => (await policyForClaimDate(scope.db, code, on))?.record.coverageTarget?.percent ?? null;
  const [groups, target, below] = await Promise.all([
    coverageGroups(scope.db, scope.prefix, scope.childDigits, on),
    targetOf(scope.division),
    scope.children.length > 0 ? hasActivationsBelow(scope.db, scope.prefix, scope.division) : Promise.resolve(false),
  ]);
  // A child with its own activation may have its own target; otherwise it has the parent's.
  const childTargets = below ? await Promise.all(scope.children.map((c) => targetOf(c.code))) : scope.children.map(() => target);
  return buildCoverageFigure({
    division: scope.division,
    name: scope.name,
    on,
    target,
    groups,
    children: scope.children.map((c, i) => ({ ...c, target: childTargets[i]! })),
  });
}
