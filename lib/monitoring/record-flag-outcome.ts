import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { closeFlag, findFlag } from "@/db/queries/monitoring-flags";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { accountId } from "@/lib/auth/domain/actor";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { NotFoundError, ValidationError } from "@/lib/errors/app-error";
import { parseOutcomeInput } from "./domain/flag-view";
import { flagIdOf } from "./get-flag";

/**
 * 办结 a flag by hand: assistance already granted, moved to a category, or
 * dismissed — each with what was done or why. The flag of another
 * jurisdiction is refused (403, audited) and nothing changes. Closing and
 * its audit row are one transaction; a flag closed meanwhile is not closed
 * twice.
 */
export async function recordFlagOutcome(ctx: UseCaseContext, rawId: unknown, raw: { outcome?: unknown; reason?: unknown }) {
  await requirePermission(ctx, "monitoring.handle", { objectType: "monitoring_flag", objectId: String(rawId) });
  const id = flagIdOf(rawId);
  const input = parseOutcomeInput(raw);
  const f = await findFlag(ctx.db, id);
  if (!f) throw new NotFoundError("找不到该监测预警，可能链接有误。");
  await requireWithin(ctx, f.divisionCode, "monitoring.handle", { objectType: "monitoring_flag", objectId: String(id) });
  const on = todayOf(ctx);
  return inTransaction(ctx.db, async (tx) => {
    if (!(await closeFlag(tx, id, { outcome: input.outcome, reason: input.reason, on, by: accountId(ctx.actor) }))) {
      throw new ValidationError("outcome", "该预警已办结，请刷新页面查看办理结果");
    }
    await insertAudit(
      tx,
      auditRow(ctx.actor, { action: "monitoring.outcome", objectType: "monitoring_flag", objectId: String(id), detail: { outcome: input.outcome, reason: input.reason, year: f.year, rule: f.ruleId } }),
    );
    return { id, outcome: input.outcome, closedOn: on };
  });
}
