import "server-only";
import { recentClaimImports } from "@/db/queries/claims";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { scopePrefix } from "@/lib/divisions/domain/division-code";

/** The import page: the latest settlement-record files imported by users of the actor's jurisdiction. */
export async function listClaimImports(ctx: UseCaseContext) {
  await requirePermission(ctx, "claims.import");
  return recentClaimImports(ctx.db, scopePrefix(ctx.actor.user.jurisdiction), 10);
}
