import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { versionTarget } from "./load-version";
import { runSimulation, type SimulationInput, type SimulationReport } from "./simulation-run";

/**
 * 政策测算: a draft version against the versions in force, on the real claims
 * ledger and enrolments of a past period within the actor's jurisdiction
 * (docs/policy.md). Nothing is stored but the audit row: the simulation reads
 * people's data (the ledger), and is audited as that read.
 */
export async function simulatePolicyDraft(ctx: UseCaseContext, ref: { policyId: string; version: string }, input: SimulationInput): Promise<SimulationReport> {
  const report = await runSimulation(ctx, ref, input);
  const { summary, period, policy } = report;
  await insertAudit(
    ctx.db,
    auditRow(ctx.actor, {
      action: "policies.simulate",
      ...versionTarget(policy.policyId, policy.version),
      detail: { from: period.from, to: period.to, jurisdiction: ctx.actor.user.jurisdiction, people: summary.people, claims: summary.claims, fundDiff: summary.fund.diff },
    }),
  );
  return report;
}
