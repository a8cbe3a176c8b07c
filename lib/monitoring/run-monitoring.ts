import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { countFlags, countPeopleUnder } from "@/db/queries/monitoring";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { scopePrefix } from "@/lib/divisions/domain/division-code";
import { ValidationError } from "@/lib/errors/app-error";
import { reevaluateDivision } from "./reevaluate-people";

export type MonitoringRun = { year: number; evaluated: number; flagged: number; new: number };

/**
 * `monitoring run` (docs/cli.md, docs/policy.md §5): every person of the
 * actor's jurisdiction is evaluated for `year` (default: this year) through
 * the same evaluation a claims import, a re-settlement and a policy
 * activation run for what they touch (reevaluate-people.ts). The figures are
 * summed from the ledger's current settlements; on-application assistance
 * approved that year is also 医疗救助 and lowers the burden after the three
 * tiers. People without a settled claim have no burden and are evaluated as
 * not flagged. A person over the threshold is flagged once per year and
 * rule: a later run refreshes only the flag's latest figure, so running again
 * raises nothing new. One transaction, one audit row with the counts.
 */
export async function runMonitoring(ctx: UseCaseContext, input: { year?: unknown } = {}): Promise<MonitoringRun> {
  await requirePermission(ctx, "monitoring.run", { objectType: "monitoring" });
  const today = todayOf(ctx);
  const year = input.year === undefined ? Number(today.slice(0, 4)) : Number(input.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new ValidationError("year", "监测年度应为四位年份，如 2026");
  const prefix = scopePrefix(ctx.actor.user.jurisdiction);

  // Inside the transaction: the embedded database has one connection, which the transaction holds.
  return inTransaction(ctx.db, async (tx) => {
    const { raised } = await reevaluateDivision(tx, prefix, year, today);
    const out: MonitoringRun = { year, evaluated: await countPeopleUnder(tx, prefix), flagged: await countFlags(tx, prefix, year), new: raised };
    await insertAudit(tx, auditRow(ctx.actor, { action: "monitoring.run", objectType: "monitoring", objectId: String(year), detail: { ...out } }));
    return out;
  });
}
