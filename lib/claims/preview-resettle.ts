import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { planResettle, resettleScope, type ResettleInput, type ResettlePlan } from "./plan-resettle";

export type ResettlePreview = Omit<ResettlePlan, "resettlement"> & { personYears: number; claims: number };

/**
 * 重新结算预览: what settling a year again (after a policy or category
 * correction) would change, claim by claim, old against new per tier.
 * Reads only; nothing is stored and nothing is audited.
 */
export async function previewResettle(ctx: UseCaseContext, input: ResettleInput): Promise<ResettlePreview> {
  await requirePermission(ctx, "claims.resettle", { objectType: "claims_year", objectId: input.year });
  const scope = await resettleScope(ctx, input);
  const { resettlement, ...plan } = await planResettle(ctx, ctx.db, scope);
  return { ...plan, personYears: resettlement.personYears, claims: resettlement.claims };
}
