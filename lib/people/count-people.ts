import "server-only";
import { listPeopleWithin } from "@/db/queries/people";
import { can } from "@/lib/auth/domain/can";
import type { UseCaseContext } from "@/lib/auth/context";
import { scopePrefix } from "@/lib/divisions/domain/division-code";

/** For the workbench: how many people the actor's jurisdiction holds, when they may see people at all. */
export async function countPeopleInJurisdiction(ctx: UseCaseContext): Promise<number | null> {
  if (!can(ctx.actor.user, "people.view")) return null;
  const r = await listPeopleWithin(ctx.db, { scopePrefix: scopePrefix(ctx.actor.user.jurisdiction), limit: 0, offset: 0 });
  return r.total;
}
