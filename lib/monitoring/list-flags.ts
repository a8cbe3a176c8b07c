import "server-only";
import { listCurrentDivisions } from "@/db/queries/divisions";
import { flagRulesWithin, listFlagsWithin } from "@/db/queries/monitoring-flags";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/domain/can";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { CATEGORY_INFO, isCategory } from "@/lib/categories/categories";
import { scopePrefix } from "@/lib/divisions/domain/division-code";
import { placeName } from "@/lib/divisions/domain/place-name";
import { maskName } from "@/lib/people/domain/mask-name";
import { daysOpen, OUTCOME_NAMES, parseWorklistQuery, ruleNameOf } from "./domain/flag-view";

export const FLAGS_PAGE_SIZE = 50;

export type FlagListItem = {
  id: number;
  personName: string;
  place: string;
  year: number;
  ruleName: string;
  categoryName: string;
  figure: string;
  latestFigure: string;
  threshold: string;
  stillOver: boolean;
  basis: string;
  raisedOn: string;
  daysOpen: number;
  status: "open" | "closed";
  outcomeName: string | null;
  caseNo: string | null;
  applicationId: string | null;
};

/**
 * 监测预警 worklist (docs/policy.md §5): the flags of the actor's
 * jurisdiction — the prefix is in the query, so a township clerk sees only
 * the township's people. Names masked, no ID number. Open flags by default,
 * the largest excess over the threshold first (or the longest open).
 */
export async function listFlags(ctx: UseCaseContext, raw: { status?: string; township?: string; rule?: string; order?: string; page?: string }) {
  await requirePermission(ctx, "monitoring.view", { objectType: "monitoring" });
  const q = parseWorklistQuery(raw);
  const scope = scopePrefix(ctx.actor.user.jurisdiction);
  if (q.township) await requireWithin(ctx, q.township, "monitoring.view", { objectType: "division", objectId: q.township });
  const today = todayOf(ctx);
  const [page, rules, divisions] = await Promise.all([
    listFlagsWithin(ctx.db, {
      scopePrefix: scope,
      townshipPrefix: q.township ? scopePrefix(q.township) : undefined,
      status: q.status,
      ruleId: q.rule,
      order: q.order,
      limit: FLAGS_PAGE_SIZE,
      offset: (q.page - 1) * FLAGS_PAGE_SIZE,
    }),
    flagRulesWithin(ctx.db, scope),
    listCurrentDivisions(ctx.db, { scopePrefix: scope, level: "township" }),
  ]);
  const rows: FlagListItem[] = page.rows.map((r) => ({
    id: r.id,
    personName: maskName(r.personName),
    place: placeName({ townshipName: r.townshipName ?? undefined, villageName: r.villageName ?? "（区划已撤销）" }),
    year: r.year,
    ruleName: ruleNameOf(r.basis),
    categoryName: isCategory(r.category) ? CATEGORY_INFO[r.category].name : r.category,
    figure: r.figure,
    latestFigure: r.latestFigure,
    threshold: r.threshold,
    stillOver: r.latestFlagged === "yes",
    basis: r.basis,
    raisedOn: r.raisedOn,
    daysOpen: daysOpen(r.raisedOn, r.closedOn, today),
    status: r.status,
    outcomeName: r.outcome ? OUTCOME_NAMES[r.outcome] : null,
    caseNo: r.caseNo,
    applicationId: r.applicationId,
  }));
  return {
    query: q,
    rows,
    hasMore: page.hasMore,
    total: page.total,
    rules: rules.map((r) => ({ id: r.ruleId, name: ruleNameOf(r.basis) })),
    townships: divisions.map((d) => ({ code: d.code, name: d.name })),
    canViewCases: can(ctx.actor.user, "applications.view"),
  };
}
