import { countUnusedRecoveryCodes, findTotp } from "@/db/queries/second-factor";
import type { UseCaseContext } from "./context";
import { mayUseSecondFactor } from "./domain/second-factor";

export type SecondFactorStatus = { allowed: boolean; enabledAt: Date | null; pending: boolean; recoveryCodesLeft: number };

/** The signed-in user's second factor, for 账户安全 (and an administrator's view of a user through resetSecondFactor's page). */
export async function secondFactorStatus(ctx: UseCaseContext, userId = ctx.actor.user.id): Promise<SecondFactorStatus> {
  const row = await findTotp(ctx.db, userId);
  return {
    allowed: mayUseSecondFactor(ctx.actor.user.role),
    enabledAt: row?.enabledAt ?? null,
    pending: !!row && !row.enabledAt,
    recoveryCodesLeft: row?.enabledAt ? await countUnusedRecoveryCodes(ctx.db, userId) : 0,
  };
}
