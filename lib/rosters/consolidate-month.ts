import "server-only";
import { bulkTransaction } from "@/db/bulk";
import * as q from "@/db/queries/consolidation";
import { insertAuditRaw } from "@/db/queries/audit-raw";
import { policyVersionInForce } from "@/db/queries/policy-in-force";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { accountId } from "@/lib/auth/domain/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { CATEGORIES, CATEGORY_INFO, DEFAULT_RANKING, isCategory, type Category } from "@/lib/categories/categories";
import { divisionChain } from "@/lib/divisions/domain/division-chain";
import { ValidationError } from "@/lib/errors/app-error";
import { monthBounds } from "./domain/month";

export type ConsolidationResult = {
  month: string;
  persons: number;
  byCategory: Record<string, number>;
  conflicts: number;
  added: number;
  removed: number;
  changed: number;
  /** Which ranking decided: the policy version in force, or the default of docs/policy.md §1. */
  rankingFrom: string;
};

export type ConsolidateOptions = {
  /**
   * Recompute every person even when the previous run could be continued
   * (after a change of category names in the code, or to check a run: the
   * results are the same).
   */
  full?: boolean;
};

/**
 * Fixes each person's single category for the month (汇总比对, "待遇就高不重复",
 * 001 §二(四)2) by the ranking of the policy in force on the month's first day.
 * Re-running a month changes nothing unless the rolls changed; a month before
 * the latest consolidated one is refused, because its history is already
 * continued by later months.
 *
 * A month's work is proportional to what changed: when the previous run used
 * the same ranking, only the people whose roll entries changed since (lists
 * that run had not seen, entries starting or ending in between) are
 * recomputed; everyone else's category, conflict record and count carry over
 * as a full recompute would find them (tests/integration/roster-consolidation-incremental.test.ts).
 */
export async function consolidateMonth(ctx: UseCaseContext, month: string, options: ConsolidateOptions = {}): Promise<ConsolidationResult> {
  await requirePermission(ctx, "rosters.consolidate", { objectType: "consolidation", objectId: month });
  const { monthStart, prevDay } = monthBounds(month);
  const policy = await policyVersionInForce(ctx.db, divisionChain(ctx.actor.user.jurisdiction), monthStart);
  const ranking = rankingOf(policy?.record);
  const rankingFrom = policy ? `${policy.name}（第 ${policy.version} 版）` : "默认排序（docs/policy.md §1）";
  const policyVersionId = policy?.id ?? null;

  return bulkTransaction(ctx.db, async (tx) => {
    // The latest run before waiting for the lock: one that commits while this call waits was started beside it.
    const before = await q.previousConsolidation(tx);
    await q.lockConsolidation(tx);
    const latest = await q.latestConsolidatedMonth(tx);
    if (latest && month < latest)
      throw new ValidationError("month", `${latest} 已完成汇总比对，不能再汇总更早的 ${month}；如需更正，请更正名单后重新汇总 ${latest}`);
    const previous = await q.previousConsolidation(tx);
    // The same month again with nothing changed since (no list unseen, the same ranking) would find what
    // the previous run found and change nothing: that is the answer, and no second record is written
    // (issue 14: two identical runs started at once write one). A full recompute is repeated unless
    // another call finished one while this call waited for the lock.
    if (
      previous !== null &&
      previous.month === month &&
      previous.policy_version_id === policyVersionId &&
      (!options.full || previous.id !== before?.id) &&
      !(await q.hasUnseenSubmissions(tx))
    ) {
      const result = resultOf(previous, rankingFrom);
      await insertAuditRaw(
        tx,
        auditRow(ctx.actor, { action: "rosters.consolidate", objectType: "consolidation", objectId: String(previous.id), detail: { ...result, repeated: true } }),
      );
      return result;
    }
    // Continued only under the same ranking: another ranking may change anyone's category.
    const incremental = !options.full && previous !== null && previous.policy_version_id === policyVersionId;
    const id = await q.insertConsolidation(tx, { month, policyVersionId, runBy: accountId(ctx.actor) });
    const unseen = await q.markUnseenSubmissions(tx, id);
    if (incremental) await q.selectAffected(tx, { submissionIds: unseen, previousStart: monthBounds(previous.month).monthStart, monthStart });
    await q.computeWinners(tx, rankedCategories(ranking), monthStart, incremental);
    let conflicts = await q.recordConflicts(tx, id);
    if (incremental) conflicts += await q.carryConflicts(tx, { fromId: previous.id, toId: id });
    const { recomputed, ...changes } = await q.applyWinners(tx, { month, monthStart, prevDay, consolidationId: id, incremental });
    const counts = await q.winnerCounts(tx, incremental);
    const byCategory = incremental ? addCounts(previous.by_category, counts) : counts;
    const persons = Object.values(byCategory).reduce((a, b) => a + b, 0);
    await q.finishConsolidation(tx, { id, persons, byCategory, conflicts, recomputed, ...changes });
    const result = { month, ...changes, persons, byCategory, conflicts, rankingFrom };
    await insertAuditRaw(tx, auditRow(ctx.actor, { action: "rosters.consolidate", objectType: "consolidation", objectId: String(id), detail: result }));
    return result;
  });
}

/** What a repeat of a stored run answers, as a run computing it again would: its figures, and no change. */
function resultOf(run: q.ConsolidationRecord, rankingFrom: string): ConsolidationResult {
  const { month, persons, conflicts } = run;
  return { month, added: 0, removed: 0, changed: 0, persons, byCategory: run.by_category, conflicts, rankingFrom };
}

/** The previous run's totals plus an incremental run's changes, categories at zero left out as a full run leaves them. */
function addCounts(previous: Record<string, number>, delta: Record<string, number>): Record<string, number> {
  const sum: Record<string, number> = { ...previous };
  for (const [category, n] of Object.entries(delta)) sum[category] = (sum[category] ?? 0) + n;
  return Object.fromEntries(Object.entries(sum).filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function rankingOf(record: Record<string, unknown> | undefined): readonly (readonly string[])[] {
  const r = record?.ranking;
  if (Array.isArray(r) && r.every((tier) => Array.isArray(tier) && tier.every((c) => typeof c === "string"))) return r as string[][];
  return DEFAULT_RANKING;
}

/** Every category with its place in the ranking (1000 when the ranking leaves it out) and its Chinese name. */
function rankedCategories(ranking: readonly (readonly string[])[]): q.RankedCategory[] {
  const rank = new Map<string, number>();
  ranking.forEach((tier, i) => tier.forEach((c) => rank.has(c) || rank.set(c, i)));
  const codes = new Set<string>([...CATEGORIES, ...rank.keys()]);
  return [...codes].map((c) => ({ category: c, rank: rank.get(c) ?? 1000, name: isCategory(c) ? CATEGORY_INFO[c as Category].name : c }));
}
