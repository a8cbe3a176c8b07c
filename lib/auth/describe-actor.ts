import "server-only";
import { findCurrentDivision } from "@/db/queries/divisions";
import { DEPARTMENT_NAMES } from "@/lib/departments/departments";
import { navigationFor } from "@/lib/navigation/navigation";
import type { UseCaseContext } from "./context";
import { ROLE_NAMES } from "./domain/roles";

/** What the app shell shows: who is signed in, where they work, and what they may open. */
export async function describeActor(ctx: UseCaseContext) {
  const { user } = ctx.actor;
  const division = await findCurrentDivision(ctx.db, user.jurisdiction);
  return {
    displayName: user.displayName,
    username: user.username,
    department: DEPARTMENT_NAMES[user.department],
    role: ROLE_NAMES[user.role],
    jurisdiction: division?.name ?? user.jurisdiction,
    nav: navigationFor(user),
  };
}
