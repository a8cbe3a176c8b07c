import "server-only";
import { listCurrentDivisions } from "@/db/queries/divisions";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { scopePrefix } from "@/lib/divisions/domain/division-code";

/** The divisions an administrator may assign as a user's jurisdiction: their own and everything below. */
export async function assignableDivisions(ctx: UseCaseContext) {
  await requirePermission(ctx, "users.manage");
  const rows = await listCurrentDivisions(ctx.db, { scopePrefix: scopePrefix(ctx.actor.user.jurisdiction) });
  return rows.map((d) => ({ code: d.code, name: d.name, level: d.level, parentCode: d.parentCode }));
}
