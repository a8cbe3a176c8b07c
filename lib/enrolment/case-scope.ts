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
