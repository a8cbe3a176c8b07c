import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { findPersonByIdNumber } from "@/db/queries/people-lookup";
import { categoryHistory, categoryOn } from "@/db/queries/person-categories";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { isIsoDate } from "@/lib/calendar/domain/iso-date";
import { ValidationError } from "@/lib/errors/app-error";
import { ID_PROBLEM_TEXT, idNumberProblem, maskIdNumber, normalizeIdNumber } from "@/lib/id-number/id-number";

export type PersonCategoriesById = {
  personId: string;
  idNumberMasked: string;
  /** The consolidated category on the date, or null (no assistance category). */
  category: string | null;
  history: { category: string; from: string; to: string | null; source: string }[];
};

/**
 * A person found by full ID number (the blind index): the category on `on`
 * and the whole category history, the ID masked. The same checks as the
 * person's page (getPerson): people.view, the person within the actor's
 * jurisdiction (else refused, audited), and the read itself audited as
 * people.view. Null when no person has that number — what `person show`
 * (docs/cli.md) answers as unknown.
 */
export async function getPersonCategoriesById(ctx: UseCaseContext, rawIdNumber: string, on: string): Promise<PersonCategoriesById | null> {
  await requirePermission(ctx, "people.view", { objectType: "person" });
  const idNumber = normalizeIdNumber(rawIdNumber);
  const problem = idNumberProblem(idNumber);
  if (problem) throw new ValidationError("idNumber", `身份证号有误：${ID_PROBLEM_TEXT[problem]}`);
  if (!isIsoDate(on)) throw new ValidationError("on", "日期格式应为 YYYY-MM-DD，如 2026-10-15");
  const person = await findPersonByIdNumber(ctx.db, idNumber);
  if (!person) return null;
  await requireWithin(ctx, person.divisionCode, "people.view", { objectType: "person", objectId: person.id });
  await insertAudit(ctx.db, auditRow(ctx.actor, { action: "people.view", objectType: "person", objectId: person.id }));
  const [current, history] = await Promise.all([categoryOn(ctx.db, person.id, on), categoryHistory(ctx.db, person.id)]);
  return {
    personId: person.id,
    idNumberMasked: maskIdNumber(person.idNumber),
    category: current?.category ?? null,
    history: history.map((h) => ({ category: h.category, from: h.fromDate, to: h.toDate, source: h.source })),
  };
}
