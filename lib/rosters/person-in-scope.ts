import "server-only";
import { findPersonById } from "@/db/queries/people";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { NotFoundError } from "@/lib/errors/app-error";

/**
 * The person, after the `people.view` check and the jurisdiction check (a
 * person outside it is refused and the refusal audited, as on the person page).
 */
export async function personInScope(ctx: UseCaseContext, personId: string) {
  await requirePermission(ctx, "people.view", { objectType: "person", objectId: personId });
  const person = await findPersonById(ctx.db, personId);
  if (!person) throw new NotFoundError("找不到该人员，可能链接有误。");
  await requireWithin(ctx, person.divisionCode, "people.view", { objectType: "person", objectId: person.id });
  return person;
}
