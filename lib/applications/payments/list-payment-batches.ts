import "server-only";
import { listBatches } from "@/db/queries/payment-batches";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { scopePrefix } from "@/lib/divisions/domain/division-code";

/** 支付批次 of the payment clerk's county, newest first, with counts and totals. */
export async function listPaymentBatches(ctx: UseCaseContext) {
  await requirePermission(ctx, "applications.pay", { objectType: "payment_batch" });
  return listBatches(ctx.db, scopePrefix(ctx.actor.user.jurisdiction));
}
