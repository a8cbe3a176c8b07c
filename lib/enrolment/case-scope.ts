import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import type { Action } from "@/lib/auth/domain/permissions";
import { requireWithin } from "@/lib/auth/require-permission";
import { levelOf, scopePrefix } from "@/lib/divisions/domain/division-code";
import { ValidationError } from "@/lib/errors/app-error";

/**
 * The scope of a list: the actor's jurisdiction, narrowed to one township when
 * a filter names one (it must be a township code within the jurisdiction).
 */
export async function townshipFilter(ctx: UseCaseContext, township: string | undefined, action: Action): Promise<{ scopePrefix: string; township?: string }> {
  const scope = scopePrefix(ctx.actor.user.jurisdiction);
  if (!township) return { scopePrefix: scope };
  if (levelOf(township) !== "township") throw new ValidationError("township", "乡镇应为12位乡镇（街道）区划代码，请从列表中选择");
  await requireWithin(ctx, township, action, { objectType: "division", objectId: township });
  return { scopePrefix: scope, township };
}

/**
 * The same scope narrowed to one village (村/社区) when a filter names one: a
 * 12-digit village code within the jurisdiction and, when a township is also
 * chosen, inside that township. Another township's village is refused (403,
 * audited) like another township.
 */
export async function villageFilter(
  ctx: UseCaseContext,
  input: { township?: string; village?: string },
  action: Action,
): Promise<{ scopePrefix: string; township?: string; village?: string }> {
  const base = await townshipFilter(ctx, input.township, action);
  const village = input.village;
  if (!village) return base;
  if (levelOf(village) !== "village") throw new ValidationError("village", "村（社区）应为12位村级区划代码");
  if (base.township && village.slice(0, 9) !== base.township.slice(0, 9)) throw new ValidationError("village", "所选村（社区）不在所选乡镇（街道）内");
  await requireWithin(ctx, village, action, { objectType: "division", objectId: village });
  return { ...base, village };
}
