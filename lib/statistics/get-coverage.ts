import "server-only";
import { coverageGroups } from "@/db/queries/coverage-stats";
import { findCurrentDivision, listCurrentDivisions } from "@/db/queries/divisions";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { isIsoDate } from "@/lib/calendar/domain/iso-date";
import { isDivisionCode, scopePrefix } from "@/lib/divisions/domain/division-code";
import { NotFoundError, ValidationError } from "@/lib/errors/app-error";
import { policyForClaimDate } from "@/lib/policies/policy-for-claim-date";
import { summarizeCoverage, type Coverage } from "./domain/coverage";
import { statsDb } from "./stats-db";

/**
 * Enrolment of the assisted population on a date (`stats coverage`,
 * docs/cli.md): for a division (default: the actor's jurisdiction) and each
 * division one level below it — people holding a consolidated category that
 * day, how many of them are enrolled for that year, the rate, by category,
 * and the target of the policy in force there that day (null when none is in
 * force or it sets none). Counts only: no person appears in the result.
 */
export async function getCoverage(ctx: UseCaseContext, input: { on: unknown; division?: unknown }): Promise<Coverage> {
  await requirePermission(ctx, "stats.view", { objectType: "stats" });
  if (typeof input.on !== "string" || !isIsoDate(input.on)) throw new ValidationError("on", "统计日期应为 YYYY-MM-DD，如 2026-11-30");
  const on = input.on;
  const division = typeof input.division === "string" && input.division.trim() ? input.division.trim() : ctx.actor.user.jurisdiction;
  if (!isDivisionCode(division)) throw new ValidationError("division", `“${division.slice(0, 20)}”不是 12 位行政区划代码`);
  await requireWithin(ctx, division, "stats.view", { objectType: "division", objectId: division });
  const db = statsDb(ctx);
  if (!(await findCurrentDivision(db, division))) throw new NotFoundError(`没有行政区划 ${division}`);

  const children = await listCurrentDivisions(db, { parentCode: division });
  const prefix = scopePrefix(division);
  const childDigits = children.length > 0 ? scopePrefix(children[0]!.code).length : prefix.length;
  const [groups, policy] = await Promise.all([coverageGroups(db, prefix, childDigits, on), policyForClaimDate(db, division, on)]);
  return summarizeCoverage({
    division,
    on,
    target: policy?.record.coverageTarget?.percent ?? null,
    groups,
    children: children.map((c) => ({ code: c.code, name: c.name })),
  });
}
