import "server-only";
import { listPeopleWithin } from "@/db/queries/people";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { scopePrefix } from "@/lib/divisions/domain/division-code";
import { ValidationError } from "@/lib/errors/app-error";
import { ID_PROBLEM_TEXT, idNumberProblem, normalizeIdNumber } from "@/lib/id-number/id-number";

// 按身份证号查找: ID numbers are stored encrypted and found through their blind
// index (lib/crypto/id-cipher.ts), so only a full, valid 18-digit ID can be
// looked up; a part of one cannot (the UI says so). Only within the actor's
// jurisdiction: a person elsewhere is "not found", as if absent. The ID comes
// in a POST body (server action), never in a URL.

export const ID_SEARCH_FULL_ONLY = "请输入完整的18位身份证号（身份证号加密保存，不能按部分号码查找；按姓名可模糊查找）";

/** The person's id (for /people/{id}), or a ValidationError on field `idNumber`. */
export async function findPersonByIdNumberWithin(ctx: UseCaseContext, raw: string): Promise<string> {
  await requirePermission(ctx, "people.view");
  const idNumber = normalizeIdNumber(raw.slice(0, 40));
  if (!idNumber) throw new ValidationError("idNumber", ID_SEARCH_FULL_ONLY);
  const problem = idNumberProblem(idNumber);
  if (problem === "format") throw new ValidationError("idNumber", ID_SEARCH_FULL_ONLY);
  if (problem) throw new ValidationError("idNumber", `身份证号有误：${ID_PROBLEM_TEXT[problem]}`);
  const found = await listPeopleWithin(ctx.db, { scopePrefix: scopePrefix(ctx.actor.user.jurisdiction), idNumber, limit: 1, offset: 0 });
  const person = found.rows[0];
  if (!person) throw new ValidationError("idNumber", "本辖区没有该身份证号的登记人员");
  return person.id;
}
