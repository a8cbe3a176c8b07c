import "server-only";
import { divisionNames, findCaseForForms } from "@/db/queries/application-forms";
import { insertAudit } from "@/db/queries/audit";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { CATEGORY_INFO, isCategory } from "@/lib/categories/categories";
import { NotFoundError } from "@/lib/errors/app-error";
import { maskIdNumber } from "@/lib/id-number/id-number";
import { isUuid } from "../attachments/case-access";
import { countyOffice } from "../domain/print-forms";

// What the three case forms share (not a use case itself; each form's use
// case calls it): applications.view, the case, its township within the
// jurisdiction (else 403, audited), the office names, and an audit row for
// the print — the forms carry the applicant's name, diagnosis and amounts.

export type FormKind = "approval_form" | "survey_record" | "refusal_notice";

export async function loadFormCase(ctx: UseCaseContext, id: unknown, form: FormKind) {
  const objectId = typeof id === "string" ? id.slice(0, 36) : "";
  await requirePermission(ctx, "applications.view", { objectType: "application", objectId });
  if (!isUuid(id)) throw new NotFoundError("找不到该申请，可能链接有误。");
  const row = await findCaseForForms(ctx.db, id);
  if (!row) throw new NotFoundError("找不到该申请，可能链接有误。");
  await requireWithin(ctx, row.townshipCode, "applications.view", { objectType: "application", objectId: id });
  const countyCode = `${row.townshipCode.slice(0, 6)}000000`;
  const names = await divisionNames(ctx.db, [countyCode, row.townshipCode, row.personDivision]);
  await insertAudit(ctx.db, auditRow(ctx.actor, { action: "applications.print_form", objectType: "application", objectId: id, detail: { caseNo: row.caseNo, form } }));
  const countyName = names.get(countyCode) ?? countyCode;
  const townshipName = names.get(row.townshipCode) ?? row.townshipCode;
  const village = names.get(row.personDivision);
  return {
    row,
    countyName,
    townshipName,
    office: countyOffice(countyName),
    place: village && row.personDivision !== row.townshipCode ? `${townshipName}${village}` : townshipName,
    idMasked: maskIdNumber(row.personIdNumber),
    categoryName: row.category && isCategory(row.category) ? CATEGORY_INFO[row.category].name : "—",
    printedOn: todayOf(ctx),
  };
}

export type FormCase = Awaited<ReturnType<typeof loadFormCase>>;
