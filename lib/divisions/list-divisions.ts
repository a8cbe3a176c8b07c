import "server-only";
import { findCurrentDivision, listCurrentDivisions } from "@/db/queries/divisions";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { parentCode, scopePrefix, type DivisionLevel } from "./domain/division-code";

export type ListedDivision = { code: string; name: string; level: DivisionLevel; parent: string | null };

/**
 * The divisions in force that the actor may browse (divisions.view): those
 * within the jurisdiction (its code prefix in the query), and above it only
 * the chain of ancestors — what the division pages show as the breadcrumb,
 * never an ancestor's other children. Ordered by code; optionally one level.
 */
export async function listDivisions(ctx: UseCaseContext, opts: { level?: DivisionLevel } = {}): Promise<ListedDivision[]> {
  await requirePermission(ctx, "divisions.view");
  const home = ctx.actor.user.jurisdiction;
  const ancestors = [];
  for (let p = parentCode(home); p; p = parentCode(p)) {
    const d = await findCurrentDivision(ctx.db, p);
    if (d && (!opts.level || d.level === opts.level)) ancestors.push(d);
  }
  const within = await listCurrentDivisions(ctx.db, { scopePrefix: scopePrefix(home), level: opts.level });
  return [...ancestors, ...within]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((d) => ({ code: d.code, name: d.name, level: d.level, parent: d.parentCode }));
}
