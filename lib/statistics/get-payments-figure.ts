import "server-only";
import { paymentsGroups } from "@/db/queries/stats-payments";
import type { UseCaseContext } from "@/lib/auth/context";
import type { PaymentsFigure, Period } from "./domain/dashboard";
import { buildPaymentsFigure } from "./domain/payments-figure";
import { monthsOf } from "./domain/period";
import { figureScope } from "./figure-scope";

/**
 * 三重制度支付 on the dashboard: the claims dated in the period of the people
 * now in the division, with their current settlement — the five tiers by
 * month, category (as settled: the category held on the claim date) and child
 * division, the share of the policy-scope cost each tier carried and the
 * inpatient 政策范围内住院费用支付比例 (docs/statistics.md).
 */
export async function getPaymentsFigure(ctx: UseCaseContext, input: { division?: unknown; period: Period }): Promise<PaymentsFigure> {
  const scope = await figureScope(ctx, input);
  const groups = await paymentsGroups(scope.db, { prefix: scope.prefix, childDigits: scope.childDigits, from: input.period.from, to: input.period.to });
  return buildPaymentsFigure({ division: scope.division, name: scope.name, months: monthsOf(input.period), groups, children: scope.children });
}
