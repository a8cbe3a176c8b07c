import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { loadCaseFor } from "./audit-case";
import { amountOfCase, type CaseAmount } from "./case-amount";

/**
 * What the engine computes for the case now: the ticked claims and the
 * hand-entered receipts under the policy version in force on the acceptance
 * date, for the person's category then, with the year's pool (已救助 / 限额 /
 * 剩余) starting from the assistance approved on the person's other
 * applications. With its trace, for the reviewer. A read: nothing is stored.
 */
export async function computeApplicationAmount(ctx: UseCaseContext, applicationId: unknown): Promise<CaseAmount> {
  const c = await loadCaseFor(ctx, applicationId, "applications.view");
  return amountOfCase(ctx.db, c);
}
