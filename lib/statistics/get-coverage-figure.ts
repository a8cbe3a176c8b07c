import "server-only";
import { readCoverageFigure } from "@/db/queries/coverage-figure";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { divisionChain } from "@/lib/divisions/domain/division-chain";
import { childPrefixLength, scopePrefix } from "@/lib/divisions/domain/division-code";
import { NotFoundError } from "@/lib/errors/app-error";
import { policyForClaimDate, policyOfVersionInForce } from "@/lib/policies/policy-for-claim-date";
import { buildCoverageFigure } from "./domain/coverage-figure";
import type { CoverageFigure, Period } from "./domain/dashboard";
import { reportingDate } from "./domain/period";
import { figureDivision } from "./figure-scope";

/**
 * 参保覆盖 on the dashboard: the assisted population on the reporting date
 * (the period's end, or today if earlier) by category and child division,
 * how many are enrolled for that year, the rate, the target of the policy in
 * force and the gap in people (docs/statistics.md). The same grouped count as
 * `stats coverage` (coverageGroups), so the CLI and the dashboard agree.
 *
 * One round trip (readCoverageFigure): the division's name and children, the
 * groups, the policy in force and whether any child has an activation of its
 * own. The groups are by the next level's digits whether or not the division
 * has children (figureScope used the division's own prefix when it had none):
 * the totals and categories are the same sums either way, and without
 * children no group is shown by child.
 */
export async function getCoverageFigure(ctx: UseCaseContext, input: { division?: unknown; period: Period }): Promise<CoverageFigure> {
  const { db, division } = await figureDivision(ctx, input);
  const on = reportingDate(input.period, todayOf(ctx));
  const read = await readCoverageFigure(db, { division, prefix: scopePrefix(division), childDigits: childPrefixLength(division), on, chain: divisionChain(division) });
  if (read.name === null) throw new NotFoundError(`没有行政区划 ${division}`);
  const target = policyOfVersionInForce(read.policy, on)?.record.coverageTarget?.percent ?? null;
  // A child with its own activation may have its own target; otherwise it has the parent's.
  const childTargets =
    read.children.length > 0 && read.activationsBelow
      ? await Promise.all(read.children.map(async (c) => (await policyForClaimDate(db, c.code, on))?.record.coverageTarget?.percent ?? null))
      : read.children.map(() => target);
  return buildCoverageFigure({
    division,
    name: read.name,
    on,
    target,
    groups: read.groups,
    children: read.children.map((c, i) => ({ ...c, target: childTargets[i]! })),
  });
}
