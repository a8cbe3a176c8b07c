import "server-only";
import { summarizeApplications as summarizeQuery } from "@/db/queries/applications";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { isDivisionCode, scopePrefix } from "@/lib/divisions/domain/division-code";
import { ValidationError } from "@/lib/errors/app-error";
import { Money } from "@/lib/money/money";
import { FINAL_STATES, type ApplicationState } from "./domain/states";

export type ApplicationsSummary = {
  total: number;
  byState: Partial<Record<ApplicationState, number>>;
  urgent: number;
  overdue: number;
  paid: number;
  refused: number;
  paidAmount: string;
};

/**
 * On-application cases of a division as stored (`applications summary`,
 * docs/cli.md): counts by state (states with cases only), urgent cases,
 * open cases past their current step's due date today, the cases that ended
 * paid or refused, and the sum paid. Default division: the actor's jurisdiction.
 */
export async function summarizeApplications(ctx: UseCaseContext, input: { division?: string } = {}): Promise<ApplicationsSummary> {
  await requirePermission(ctx, "applications.view", { objectType: "applications" });
  const division = input.division?.trim() || ctx.actor.user.jurisdiction;
  if (!isDivisionCode(division)) throw new ValidationError("division", `“${division.slice(0, 20)}”不是 12 位行政区划代码`);
  await requireWithin(ctx, division, "applications.view", { objectType: "division", objectId: division });
  const rows = await summarizeQuery(ctx.db, scopePrefix(division), todayOf(ctx));
  const out: ApplicationsSummary = { total: 0, byState: {}, urgent: 0, overdue: 0, paid: 0, refused: 0, paidAmount: "0.00" };
  let paidAmount = new Money(0);
  for (const r of rows) {
    const state = r.state as ApplicationState;
    out.total += r.cases;
    out.byState[state] = r.cases;
    out.urgent += r.urgent;
    // Final cases have no due date; the query counts only a due date before today, but be explicit.
    if (!FINAL_STATES.includes(state)) out.overdue += r.overdue;
    paidAmount = paidAmount.plus(r.paidAmount);
  }
  out.paid = out.byState.paid ?? 0;
  out.refused = out.byState.refused ?? 0;
  out.paidAmount = paidAmount.toFixed(2);
  return out;
}
