import "server-only";
import { latestRunOfMonth, monthCategoryCounts, monthListCounts, runConflicts } from "@/db/queries/roster-consolidation-views";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { scopePrefix } from "@/lib/divisions/domain/division-code";
import { ValidationError } from "@/lib/errors/app-error";
import { monthBounds } from "./domain/month";
import { isConsolidationList, readConsolidationList } from "./read-consolidation-list";
import { categoryRows } from "./domain/roster-labels";
import { isCategory } from "@/lib/categories/categories";
import { policyForClaimDate } from "@/lib/policies/policy-for-claim-date";
import { hasAssistanceRule, unassistedNotice } from "@/lib/policies/domain/unassisted-categories";

export const LIST_PAGE_SIZE = 50;

/**
 * The consolidation of a month as the 医保 clerk reviews it: figures, list
 * sizes and one page of one list; null when the month was never consolidated.
 */
export async function getMonthConsolidation(
  ctx: UseCaseContext,
  input: { month: string; list?: string; page?: number; category?: string },
) {
  await requirePermission(ctx, "rosters.consolidate", { objectType: "consolidation", objectId: input.month });
  const { monthStart, prevDay } = monthBounds(input.month);
  const list = input.list ?? "added";
  if (!isConsolidationList(list)) throw new ValidationError("list", "名单类型应为 新增、减少、类别变化、多重身份 或 全部人员");
  const run = await latestRunOfMonth(ctx.db, input.month);
  if (!run) return null;
  const scope = scopePrefix(ctx.actor.user.jurisdiction);
  const [counts, byCategory, conflictCount, shown] = await Promise.all([
    monthListCounts(ctx.db, { monthStart, prevDay, scopePrefix: scope }),
    monthCategoryCounts(ctx.db, { monthStart, scopePrefix: scope }),
    runConflicts(ctx.db, { consolidationId: run.id, scopePrefix: scope, limit: 0, offset: 0 }),
    readConsolidationList(ctx.db, ctx.actor.user.jurisdiction, { month: input.month, list, page: input.page, pageSize: LIST_PAGE_SIZE, category: input.category, consolidationId: run.id }),
  ]);
  // Categories the policy in force names in no assistance rule: said beside the figures, never an error.
  const policy = await policyForClaimDate(ctx.db, ctx.actor.user.jurisdiction, monthStart);
  const rows = categoryRows(byCategory).map((r) => ({
    ...r,
    unassisted: policy !== null && isCategory(r.category) && !hasAssistanceRule(policy.record, r.category) ? unassistedNotice(r.category) : null,
  }));
  return {
    month: input.month,
    run: {
      id: run.id,
      persons: run.persons,
      conflicts: run.conflicts,
      runAt: run.runAt,
      runBy: run.runBy ?? "命令行",
      rankingFrom: run.policyName ? `${run.policyName}（第 ${run.policyVersion} 版）` : "默认排序（docs/policy.md §1）",
    },
    // Within the clerk's jurisdiction, as consolidated on the month's first day.
    byCategory: rows,
    counts: { ...counts, conflicts: conflictCount.total },
    shown,
  };
}
