import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { auditedXlsx } from "@/lib/export/audited-export";
import { simulationSheets } from "./domain/simulation-sheets";
import { runSimulation, type SimulationInput } from "./simulation-run";

/** 政策测算 as .xlsx: the same run as the page, written by the audited export (the exporter's footer, one audit row). */
export async function exportPolicySimulation(ctx: UseCaseContext, ref: { policyId: string; version: string }, input: SimulationInput): Promise<{ fileName: string; body: Buffer }> {
  const report = await runSimulation(ctx, ref, input);
  const { policy, period } = report;
  const body = await auditedXlsx(ctx, simulationSheets(report), {
    action: "policies.simulate_export",
    objectType: "policy_version",
    objectId: `${policy.policyId}/v${policy.version}`,
    detail: { from: period.from, to: period.to, jurisdiction: ctx.actor.user.jurisdiction },
  });
  return { fileName: `政策测算_${policy.policyId}_第${policy.version}版_${period.from}至${period.to}.xlsx`, body };
}
