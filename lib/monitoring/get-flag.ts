import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { claimsOfFlag, findFlag } from "@/db/queries/monitoring-flags";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/domain/can";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { CATEGORY_INFO, isCategory } from "@/lib/categories/categories";
import { isWithin, townshipOf } from "@/lib/divisions/domain/division-code";
import { placeName } from "@/lib/divisions/domain/place-name";
import { NotFoundError } from "@/lib/errors/app-error";
import { maskName } from "@/lib/people/domain/mask-name";
import { daysOpen, OUTCOME_NAMES, ruleNameOf } from "./domain/flag-view";

/** A flag id from a URL or a form: a positive integer, else not found. */
export function flagIdOf(raw: unknown): number {
  const id = typeof raw === "number" ? raw : typeof raw === "string" && /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw new NotFoundError("找不到该监测预警，可能链接有误。");
  return id;
}

/**
 * One flag for its page: basis, the claims behind it, outcome. Outside the
 * actor's jurisdiction: refused (403) and audited. The read is audited too
 * (medical costs are sensitive, PIPL §28).
 */
export async function getFlag(ctx: UseCaseContext, rawId: unknown) {
  await requirePermission(ctx, "monitoring.view", { objectType: "monitoring_flag", objectId: String(rawId) });
  const id = flagIdOf(rawId);
  const f = await findFlag(ctx.db, id);
  if (!f) throw new NotFoundError("找不到该监测预警，可能链接有误。");
  await requireWithin(ctx, f.divisionCode, "monitoring.view", { objectType: "monitoring_flag", objectId: String(id) });
  await insertAudit(ctx.db, auditRow(ctx.actor, { action: "monitoring.view", objectType: "monitoring_flag", objectId: String(id) }));
  const claims = await claimsOfFlag(ctx.db, f.claimIds);
  const user = ctx.actor.user;
  const township = townshipOf(f.divisionCode);
  return {
    id: f.id,
    personName: maskName(f.personName),
    place: placeName({ townshipName: f.townshipName ?? undefined, villageName: f.villageName ?? "（区划已撤销）" }),
    year: f.year,
    ruleId: f.ruleId,
    ruleName: ruleNameOf(f.basis),
    categoryName: isCategory(f.category) ? CATEGORY_INFO[f.category].name : f.category,
    figure: f.figure,
    latestFigure: f.latestFigure,
    threshold: f.threshold,
    stillOver: f.latestFlagged === "yes",
    basis: f.basis,
    raisedOn: f.raisedOn,
    evaluatedOn: f.evaluatedOn,
    daysOpen: daysOpen(f.raisedOn, f.closedOn, todayOf(ctx)),
    status: f.status,
    outcome: f.outcome,
    outcomeName: f.outcome ? OUTCOME_NAMES[f.outcome] : null,
    outcomeReason: f.outcomeReason,
    closedOn: f.closedOn,
    caseNo: f.caseNo,
    applicationId: f.applicationId,
    claims,
    canHandle: f.status === "open" && can(user, "monitoring.handle"),
    // 主动发现: only the clerk of the person's township accepts an application (docs/policy.md §6).
    canOpenApplication: f.status === "open" && can(user, "applications.intake") && township !== null && isWithin(township, user.jurisdiction),
    canViewCase: can(user, "applications.view"),
  };
}
