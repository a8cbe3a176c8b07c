import "server-only";
import { z } from "zod";
import { categoryHistory } from "@/db/queries/person-categories";
import { insertAudit } from "@/db/queries/audit";
import { findPersonByIdNumber } from "@/db/queries/people-lookup";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { isWithin } from "@/lib/divisions/domain/division-code";
import { NotFoundError, ValidationError } from "@/lib/errors/app-error";
import { ID_PROBLEM_TEXT, idNumberProblem, maskIdNumber, normalizeIdNumber } from "@/lib/id-number/id-number";
import { personCategoryOn } from "./person-category-on";

const request = z.object({ idNumber: z.string().max(40), on: z.string().max(20).optional() });

/**
 * `person show` for the HTTP API: a person found by the full ID number (sent
 * in a request body), answered with the number masked. Someone outside the
 * caller's jurisdiction is "not found", as if absent, so the lookup cannot be
 * used to learn who is registered elsewhere. The read is audited.
 */
export async function lookupPersonCategory(ctx: UseCaseContext, input: unknown) {
  await requirePermission(ctx, "people.view", { objectType: "person_lookup" });
  const parsed = request.safeParse(input);
  if (!parsed.success) throw new ValidationError("idNumber", "请求体应为 { \"idNumber\": \"18位身份证号\", \"on\": \"YYYY-MM-DD\"（可省略） }");
  const idNumber = normalizeIdNumber(parsed.data.idNumber);
  const problem = idNumberProblem(idNumber);
  if (problem) throw new ValidationError("idNumber", `身份证号有误：${ID_PROBLEM_TEXT[problem]}`);
  const person = await findPersonByIdNumber(ctx.db, idNumber);
  if (!person || !isWithin(person.divisionCode, ctx.actor.user.jurisdiction)) throw new NotFoundError("本辖区没有该身份证号的人员。");
  // The read is audited like the person's page and `person show` (people.view).
  await insertAudit(ctx.db, auditRow(ctx.actor, { action: "people.view", objectType: "person", objectId: person.id }));
  const on = await personCategoryOn(ctx, person.id, parsed.data.on);
  const history = await categoryHistory(ctx.db, person.id);
  return {
    idNumber: maskIdNumber(person.idNumber),
    personId: person.id,
    on: on.on,
    category: on.category,
    history: history.map((h) => ({ category: h.category, from: h.fromDate, to: h.toDate, source: h.source })),
  };
}
