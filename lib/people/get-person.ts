import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { findCurrentDivision } from "@/db/queries/divisions";
import { findPersonById } from "@/db/queries/people";
import { auditRow } from "@/lib/audit/audit-entry";
import { can } from "@/lib/auth/domain/can";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { townshipOf } from "@/lib/divisions/domain/division-code";
import { placeName } from "@/lib/divisions/domain/place-name";
import { NotFoundError } from "@/lib/errors/app-error";
import { birthYearOf, maskIdNumber } from "@/lib/id-number/id-number";

/**
 * One person's page, masked; a person outside the actor's jurisdiction is
 * refused (403) and audited, and every read is audited too (who looked at
 * whom, when). Beside the masked ID only the birth year: the eight hidden
 * digits are the birth date, so showing it in full would undo the mask.
 */
export async function getPerson(ctx: UseCaseContext, personId: string) {
  await requirePermission(ctx, "people.view", { objectType: "person", objectId: personId });
  const person = await findPersonById(ctx.db, personId);
  if (!person) throw new NotFoundError("找不到该人员，可能链接有误。");
  await requireWithin(ctx, person.divisionCode, "people.view", { objectType: "person", objectId: person.id });
  await insertAudit(ctx.db, auditRow(ctx.actor, { action: "people.view", objectType: "person", objectId: person.id }));
  const village = await findCurrentDivision(ctx.db, person.divisionCode);
  const township = await findCurrentDivision(ctx.db, townshipOf(person.divisionCode) ?? "");
  return {
    id: person.id,
    name: person.name,
    idNumberMasked: maskIdNumber(person.idNumber),
    sex: person.sex,
    birthYear: birthYearOf(person.birthDate),
    divisionCode: person.divisionCode,
    villageName: village?.name ?? "（区划已撤销）",
    townshipName: township?.name ?? "",
    place: placeName({ townshipName: township?.name, villageName: village?.name ?? "（区划已撤销）" }),
    canRevealId: can(ctx.actor.user, "people.reveal_id"),
  };
}
