import "server-only";
import { listPeopleWithin } from "@/db/queries/people";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import type { UseCaseContext } from "@/lib/auth/context";
import { CATEGORIES, CATEGORY_INFO, type Category } from "@/lib/categories/categories";
import { levelOf, scopePrefix, townshipOf } from "@/lib/divisions/domain/division-code";
import { placeName } from "@/lib/divisions/domain/place-name";
import { birthYearOf, maskIdNumber } from "@/lib/id-number/id-number";
import { ForbiddenError, ValidationError } from "@/lib/errors/app-error";

/** The filters of the people list; township, village and category are codes from the pickers (and the URL). */
export type ListPeopleInput = { township?: string; village?: string; category?: string; name?: string; page: number };
export const PEOPLE_PAGE_SIZE = 50;

/**
 * People within the actor's jurisdiction, masked, optionally narrowed to a
 * township or village of it and to those holding a category today. Every
 * filter goes into the query together with the jurisdiction's prefix; a code
 * outside the jurisdiction is refused (audited) with a message saying so.
 */
export async function listPeople(ctx: UseCaseContext, input: ListPeopleInput) {
  await requirePermission(ctx, "people.view");
  const township = input.township?.trim() || undefined;
  const village = input.village?.trim() || undefined;
  if (township && levelOf(township) !== "township") throw new ValidationError("township", "乡镇（街道）应为12位乡镇区划代码，请从列表中选择");
  if (village && levelOf(village) !== "village") throw new ValidationError("village", "村（社区）应为12位村级区划代码，请从列表中选择");
  if (township && village && townshipOf(village) !== township) throw new ValidationError("village", "所选村（社区）不属于所选乡镇（街道），请重新选择");
  const category = input.category?.trim() || undefined;
  if (category && !(CATEGORIES as readonly string[]).includes(category)) throw new ValidationError("category", "救助类别无效，请从列表中选择");
  const narrowest = village ?? township;
  if (narrowest) await within(ctx, narrowest);

  const page = Math.max(1, input.page);
  const result = await listPeopleWithin(ctx.db, {
    scopePrefix: scopePrefix(ctx.actor.user.jurisdiction),
    divisionPrefix: narrowest ? scopePrefix(narrowest) : undefined,
    name: input.name?.trim() || undefined,
    category,
    limit: PEOPLE_PAGE_SIZE,
    offset: (page - 1) * PEOPLE_PAGE_SIZE,
  });
  return {
    ...result,
    page,
    // Clerks work with names; the ID number stays masked unless revealed on the person page.
    // Beside a masked ID only the birth year: the hidden digits are the birth date.
    rows: result.rows.map(({ idNumber, birthDate, townshipName, villageName, category: held, ...r }) => ({
      ...r,
      idNumberMasked: maskIdNumber(idNumber),
      birthYear: birthYearOf(birthDate),
      place: placeName({ townshipName, villageName, divisionCode: r.divisionCode }),
      categoryName: held ? (CATEGORY_INFO[held as Category]?.name ?? held) : null,
    })),
  };
}

async function within(ctx: UseCaseContext, code: string) {
  try {
    await requireWithin(ctx, code, "people.view", { objectType: "division", objectId: code });
  } catch (err) {
    if (err instanceof ForbiddenError) throw new ForbiddenError("所选乡镇（村）不在您的管辖范围内：只能查看本辖区的人员，请从列表中选择。");
    throw err;
  }
}
