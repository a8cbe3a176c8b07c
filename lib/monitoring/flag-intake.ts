import "server-only";
import type { Tx } from "@/db/client";
import { insertAudit } from "@/db/queries/audit";
import { closeFlag, findFlag } from "@/db/queries/monitoring-flags";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { accountId } from "@/lib/auth/domain/actor";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { NotFoundError, ValidationError } from "@/lib/errors/app-error";
import { ruleNameOf } from "./domain/flag-view";
import { flagIdOf } from "./get-flag";

// 主动发现 (docs/policy.md §5, §6): the township clerk opens the intake from
// a flag. The URL carries only the flag's id; the intake loads the person and
// the claims behind the flag from it, and accepting the application closes
// the flag (application_opened, linked to the case) in the same transaction.

/** The open flag an intake starts from: the township clerk of the person's township only (403 audited otherwise). */
export async function getFlagForIntake(ctx: UseCaseContext, rawId: unknown) {
  await requirePermission(ctx, "applications.intake", { objectType: "monitoring_flag", objectId: String(rawId) });
  const id = flagIdOf(rawId);
  const f = await findFlag(ctx.db, id);
  if (!f) throw new NotFoundError("找不到该监测预警，可能链接有误。");
  await requireWithin(ctx, f.divisionCode, "applications.intake", { objectType: "monitoring_flag", objectId: String(id) });
  if (f.status !== "open") throw new ValidationError("flag", `该监测预警已办结（${f.caseNo ?? f.closedOn ?? ""}），不能再据此受理申请`);
  return { id: f.id, personId: f.personId, claimIds: f.claimIds, year: f.year, ruleName: ruleNameOf(f.basis), figure: f.figure, threshold: f.threshold };
}

/** Inside acceptApplication's transaction: the flag must be open and the applicant's; it closes with the case's link. */
export async function closeFlagForApplication(tx: Tx, ctx: UseCaseContext, flagId: number, app: { personId: string; applicationId: string; caseNo: string }): Promise<void> {
  const f = await findFlag(tx, flagId);
  if (!f || f.personId !== app.personId) throw new ValidationError("flag", "该监测预警不属于本申请人，请从预警页面重新进入受理");
  const closed = await closeFlag(tx, flagId, {
    outcome: "application_opened",
    reason: `已受理依申请救助 ${app.caseNo}`,
    on: todayOf(ctx),
    by: accountId(ctx.actor),
    applicationId: app.applicationId,
  });
  if (!closed) throw new ValidationError("flag", "该监测预警已办结，不能再据此受理申请；如仍需受理，请从“受理新申请”进入");
  await insertAudit(
    tx,
    auditRow(ctx.actor, { action: "monitoring.outcome", objectType: "monitoring_flag", objectId: String(flagId), detail: { outcome: "application_opened", caseNo: app.caseNo, year: f.year, rule: f.ruleId } }),
  );
}
