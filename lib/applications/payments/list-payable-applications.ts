import "server-only";
import { listPayable } from "@/db/queries/payment-batches";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { scopePrefix } from "@/lib/divisions/domain/division-code";
import { maskBankAccount } from "../domain/intake-input";

/**
 * 已审批待支付 cases of the county not in any live batch line — what a new batch
 * may take — urgent first, then by the payment due date; accounts masked.
 */
export async function listPayableApplications(ctx: UseCaseContext) {
  await requirePermission(ctx, "applications.pay", { objectType: "payment_batch" });
  const rows = await listPayable(ctx.db, scopePrefix(ctx.actor.user.jurisdiction));
  return rows.map(({ bankAccountTail, bankAccountHead, ...r }) => ({ ...r, accountMasked: bankAccountTail ? maskBankAccount(bankAccountTail, bankAccountHead ?? undefined) : null }));
}
