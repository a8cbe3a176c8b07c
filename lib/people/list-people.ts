import "server-only";
import { listPeopleWithin } from "@/db/queries/people";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import type { UseCaseContext } from "@/lib/auth/context";
import { isDivisionCode, scopePrefix } from "@/lib/divisions/domain/division-code";
import { birthYearOf, maskIdNumber } from "@/lib/id-number/id-number";
import { ValidationError } from "@/lib/errors/app-error";

export type ListPeopleInput = { division?: string; name?: string; page: number };
export const PEOPLE_PAGE_SIZE = 50;

/** People within the actor's jurisdiction (optionally one division below it), masked. */
export async function listPeople(ctx: UseCaseContext, input: ListPeopleInput) {
  await requirePermission(ctx, "people.view");
  let divisionPrefix: string | undefined;
  if (input.division) {
    if (!isDivisionCode(input.division)) throw new ValidationError("division", "区划代码应为12位数字，请从列表中选择");
    await requireWithin(ctx, input.division, "people.view", { objectType: "division", objectId: input.division });
    divisionPrefix = scopePrefix(input.division);
  }
  const page = Math.max(1, input.page);
  const result = await listPeopleWithin(ctx.db, {
    scopePrefix: scopePrefix(ctx.actor.user.jurisdiction),
    divisionPrefix,
    name: input.name?.trim() || undefined,
    limit: PEOPLE_PAGE_SIZE,
    offset: (page - 1) * PEOPLE_PAGE_SIZE,
  });
  return {
    ...result,
    page,
    // Clerks work with names; the ID number stays masked unless revealed on the person page.
    // Beside a masked ID only the birth year: the hidden digits are the birth date.
    rows: result.rows.map(({ idNumber, birthDate, ...r }) => ({ ...r, idNumberMasked: maskIdNumber(idNumber), birthYear: birthYearOf(birthDate) })),
  };
}
