import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { findPersonById } from "@/db/queries/people";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { NotFoundError } from "@/lib/errors/app-error";

/** The full ID number, for a user with the permission, within jurisdiction; every reveal is audited. */
export async function revealIdNumber(ctx: UseCaseContext, personId: string): Promise<string> {
  const target = { objectType: "person", objectId: personId };
  await requirePermission(ctx, "people.reveal_id", target);
  const person = await findPersonById(ctx.db, personId);
  if (!person) throw new NotFoundError("找不到该人员。");
  await requireWithin(ctx, person.divisionCode, "people.reveal_id", target);
  await insertAudit(ctx.db, auditRow(ctx.actor, { action: "people.reveal_id", ...target }));
  return person.idNumber;
}
