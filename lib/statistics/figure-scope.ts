import "server-only";
import type { Db } from "@/db";
import { findCurrentDivision, listCurrentDivisions } from "@/db/queries/divisions";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { isDivisionCode, scopePrefix } from "@/lib/divisions/domain/division-code";
import { NotFoundError, ValidationError } from "@/lib/errors/app-error";
import { statsDb } from "./stats-db";

// The first steps every dashboard figure shares (docs/statistics.md): the
// permission stats.view, the division (default the actor's jurisdiction)
// checked as a code and against the jurisdiction, then the division's name
// and its current children one level down, read from the statistics database.
// Not a use case: the get-*-figure use cases call it first.

export type FigureScope = {
  db: Db;
  division: string;
  name: string;
  /** The division's significant prefix: people.division_code LIKE prefix || '%'. */
  prefix: string;
  /** How many leading digits name a child (9 for a county's townships, 12 for villages; the prefix's length when none). */
  childDigits: number;
  children: { code: string; name: string }[];
};

export async function figureScope(ctx: UseCaseContext, input: { division?: unknown }): Promise<FigureScope> {
  const { db, division } = await figureDivision(ctx, input);
  const [self, children] = await Promise.all([findCurrentDivision(db, division), listCurrentDivisions(db, { parentCode: division })]);
  if (!self) throw new NotFoundError(`没有行政区划 ${division}`);
  const prefix = scopePrefix(division);
  const childDigits = children.length > 0 ? scopePrefix(children[0]!.code).length : prefix.length;
  return { db, division, name: self.name, prefix, childDigits, children: children.map((c) => ({ code: c.code, name: c.name })) };
}

/**
 * The checks of figureScope without its reads: the permission, the division
 * (default the jurisdiction) as a code and within the jurisdiction, and the
 * statistics database. For a figure that reads the division's name and
 * children in its own statement (getCoverageFigure).
 */
export async function figureDivision(ctx: UseCaseContext, input: { division?: unknown }): Promise<{ db: Db; division: string }> {
  await requirePermission(ctx, "stats.view", { objectType: "stats" });
  const raw = input.division;
  if (raw !== undefined && raw !== null && typeof raw !== "string") throw new ValidationError("division", "行政区划代码（division）应为 12 位数字");
  const division = typeof raw === "string" && raw.trim() ? raw.trim() : ctx.actor.user.jurisdiction;
  if (!isDivisionCode(division)) throw new ValidationError("division", `“${division.slice(0, 20)}”不是 12 位行政区划代码`);
  await requireWithin(ctx, division, "stats.view", { objectType: "division", objectId: division });
  return { db: statsDb(ctx), division };
}
