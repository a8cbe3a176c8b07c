import "server-only";
import { listCurrentDivisions } from "@/db/queries/divisions";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { CATEGORIES, CATEGORY_INFO } from "@/lib/categories/categories";
import { scopePrefix } from "@/lib/divisions/domain/division-code";

export type PeopleFilterOptions = {
  townships: { code: string; name: string; villages: { code: string; name: string }[] }[];
  categories: { code: string; name: string }[];
};

/**
 * What the people list's pickers offer: the townships of the actor's
 * jurisdiction (a township clerk: only their own) with their villages, and the
 * categories. The list refuses any other code on its own.
 */
export async function getPeopleFilterOptions(ctx: UseCaseContext): Promise<PeopleFilterOptions> {
  await requirePermission(ctx, "people.view");
  const within = await listCurrentDivisions(ctx.db, { scopePrefix: scopePrefix(ctx.actor.user.jurisdiction) });
  const townships = new Map<string, PeopleFilterOptions["townships"][number]>();
  for (const d of within) if (d.level === "township") townships.set(d.code, { code: d.code, name: d.name, villages: [] });
  for (const d of within) if (d.level === "village" && d.parentCode) townships.get(d.parentCode)?.villages.push({ code: d.code, name: d.name });
  return {
    townships: [...townships.values()],
    categories: CATEGORIES.filter((c) => c !== "ordinary").map((c) => ({ code: c, name: CATEGORY_INFO[c].name })),
  };
}
