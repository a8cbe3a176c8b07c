import "server-only";
import { childCounts, divisionHistory, findCurrentDivision, listCurrentDivisions } from "@/db/queries/divisions";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { NotFoundError, ValidationError } from "@/lib/errors/app-error";
import { isDivisionCode, parentCode } from "./domain/division-code";

/**
 * One node of the division tree (default: the actor's jurisdiction) with its
 * children, its ancestors for the breadcrumb, and its validity history.
 */
export async function browseDivisions(ctx: UseCaseContext, code?: string) {
  await requirePermission(ctx, "divisions.view");
  const at = code ?? ctx.actor.user.jurisdiction;
  if (!isDivisionCode(at)) throw new ValidationError("code", "区划代码应为12位数字");
  const node = await findCurrentDivision(ctx.db, at);
  if (!node) throw new NotFoundError("该区划代码不存在或已撤销。");
  // Above the actor's own division only the breadcrumb is shown, never siblings.
  await requireWithin(ctx, at, "divisions.view", { objectType: "division", objectId: at });
  const children = await listCurrentDivisions(ctx.db, { parentCode: at });
  const counts = await childCounts(ctx.db, children.map((c) => c.code));
  const ancestors = [];
  for (let p = parentCode(at); p; p = parentCode(p)) {
    const d = await findCurrentDivision(ctx.db, p);
    if (d) ancestors.unshift(d);
  }
  return {
    node,
    ancestors,
    history: await divisionHistory(ctx.db, at),
    children: children.map((c) => ({ ...c, childCount: counts.get(c.code) ?? 0 })),
  };
}
