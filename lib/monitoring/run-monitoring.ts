import "server-only";
import { insertAudit } from "@/db/queries/audit";
import {
  approvedApplicationAssistance,
  countFlags,
  countPeopleUnder,
  flagsOf,
  insertFlags,
  personYears,
  refreshFlag,
  type NewFlag,
} from "@/db/queries/monitoring";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { isCategory } from "@/lib/categories/categories";
import { scopePrefix } from "@/lib/divisions/domain/division-code";
import { ValidationError } from "@/lib/errors/app-error";
import { policyForClaimDate, type PolicyForClaim } from "@/lib/policies/policy-for-claim-date";
import { yuanToCents } from "@/lib/settlement/cents";
import { compilePolicy, parameterValue } from "@/lib/settlement/compile-policy";
import { compileMonitoring, evaluateCompiled, type CompiledMonitoring } from "./domain/evaluate-monitoring";

export type MonitoringRun = { year: number; evaluated: number; flagged: number; new: number };

const BATCH = 1000;
const NO_ID = "00000000-0000-0000-0000-000000000000";

/**
 * `monitoring run` (docs/cli.md, docs/policy.md §5): every person of the
 * actor's jurisdiction is evaluated for `year` (default: this year) against
 * the monitoring rule of the policy in force on the date of their latest claim
 * that year. The figures are summed from the ledger's current settlements;
 * on-application assistance approved that year is also 医疗救助 and lowers
 * the burden after the three tiers. People without a settled claim have no
 * burden and are evaluated as not flagged. A person over the threshold is
 * flagged once per year and rule: a later run refreshes only the flag's
 * latest figure, so running again raises nothing new. One transaction, one
 * audit row with the counts.
 */
export async function runMonitoring(ctx: UseCaseContext, input: { year?: unknown } = {}): Promise<MonitoringRun> {
  await requirePermission(ctx, "monitoring.run", { objectType: "monitoring" });
  const today = todayOf(ctx);
  const year = input.year === undefined ? Number(today.slice(0, 4)) : Number(input.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new ValidationError("year", "监测年度应为四位年份，如 2026");
  const prefix = scopePrefix(ctx.actor.user.jurisdiction);

  const policies = new Map<string, PolicyForClaim | null>();
  const rules = new Map<string, CompiledMonitoring>();

  return inTransaction(ctx.db, async (tx) => {
    // Inside the transaction: the embedded database has one connection, which the transaction holds.
    const policyOf = async (division: string, date: string) => {
      const key = `${division}|${date}`;
      if (!policies.has(key)) policies.set(key, await policyForClaimDate(tx, division, date));
      return policies.get(key)!;
    };
    let fresh = 0;
    let after = NO_ID;
    for (;;) {
      const batch = await personYears(tx, prefix, year, after, BATCH);
      if (batch.length === 0) break;
      after = batch[batch.length - 1]!.personId;
      const ids = batch.map((p) => p.personId);
      const [granted, existing] = await Promise.all([approvedApplicationAssistance(tx, ids, year), flagsOf(tx, ids, year)]);
      const flagOf = new Map(existing.map((f) => [`${f.personId}|${f.ruleId}`, f.id]));
      const raise: NewFlag[] = [];
      for (const p of batch) {
        if (!isCategory(p.category)) continue;
        const policy = await policyOf(p.divisionCode, p.lastDate);
        if (!policy) continue;
        const ruleKey = `${policy.versionId}|${p.category}`;
        let compiled = rules.get(ruleKey);
        if (!compiled) {
          const record = policy.record;
          compiled = compileMonitoring(record.monitoring, p.category, (r) => record.parameters.definitions.find((d) => d.name === r.parameter)?.label ?? r.parameter);
          rules.set(ruleKey, compiled);
        }
        const rule = compiled.rule;
        if (!rule) continue;
        const afterThreeTiers = Math.max(0, yuanToCents(p.selfPaid) - yuanToCents(granted.get(p.personId) ?? "0"));
        const figures = { afterThreeTiers, afterBasicAndCritical: yuanToCents(p.afterBasicAndCritical), outOfScope: yuanToCents(p.outOfScope) };
        const result = evaluateCompiled(compiled, year, figures, parameterValue(compilePolicy(policy.record), year, rule.parameter));
        const flagId = flagOf.get(`${p.personId}|${rule.id}`);
        if (flagId !== undefined) {
          await refreshFlag(tx, flagId, result.value, result.flagged, today);
        } else if (result.flagged && result.threshold !== null) {
          raise.push({
            personId: p.personId,
            year,
            ruleId: rule.id,
            policyVersionId: policy.versionId,
            category: p.category,
            figure: result.value,
            threshold: result.threshold,
            basis: result.basis,
            claimIds: p.claimIds,
            raisedOn: today,
            latestFigure: result.value,
            latestFlagged: "yes",
            evaluatedOn: today,
          });
        }
      }
      fresh += await insertFlags(tx, raise);
    }
    const out: MonitoringRun = { year, evaluated: await countPeopleUnder(tx, prefix), flagged: await countFlags(tx, prefix, year), new: fresh };
    await insertAudit(tx, auditRow(ctx.actor, { action: "monitoring.run", objectType: "monitoring", objectId: String(year), detail: { ...out } }));
    return out;
  });
}
