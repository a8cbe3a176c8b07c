import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { claimsTemplate } from "./domain/claims-template";

/** The settlement-record template (.xlsx), for those who import. */
export async function getClaimsTemplate(ctx: UseCaseContext): Promise<Buffer> {
  await requirePermission(ctx, "claims.import");
  return claimsTemplate();
}
