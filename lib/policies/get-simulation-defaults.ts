import "server-only";
import { hasClaimsBetween } from "@/db/queries/policy-simulation";
import type { UseCaseContext } from "@/lib/auth/context";
import { beijingToday } from "@/lib/calendar/domain/iso-date";
import { simulationSetup } from "./simulation-run";
import type { SimulationPeriod } from "./domain/simulate-person";

/**
 * What 政策测算's form starts with: the previous calendar year, or — when the
 * jurisdiction's ledger holds nothing for it yet (a county that started this
 * year, the demo) — this year up to today. Checks the permission and that the
 * version is a draft, so the page refuses before showing a form. Reads nothing personal.
 */
export async function getSimulationDefaults(ctx: UseCaseContext, ref: { policyId: string; version: string }): Promise<{ name: string; period: SimulationPeriod }> {
  const { row, period, scope } = await simulationSetup(ctx, ref, {});
  if (await hasClaimsBetween(ctx.db, { scopePrefix: scope, ...period })) return { name: row.name, period };
  const today = beijingToday();
  return { name: row.name, period: { from: `${today.slice(0, 4)}-01-01`, to: today } };
}
