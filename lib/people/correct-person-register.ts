import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { findCurrentDivision } from "@/db/queries/divisions";
import { findPersonById } from "@/db/queries/people";
import { lockPersonRegister, updatePersonRegister } from "@/db/queries/person-register";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { isWithin } from "@/lib/divisions/domain/division-code";
import { NotFoundError, ValidationError } from "@/lib/errors/app-error";
import { checkName } from "@/lib/rosters/domain/field-checks";
import { maskName } from "./domain/mask-name";

export type CorrectRegisterInput = { name?: unknown; divisionCode?: unknown; reason?: unknown };

export const MAX_CORRECTION_REASON_CHARS = 200;

/**
 * 更正登记信息: the only way a registered person's name or village changes.
 * A roster row that differs from the register is refused (the certifying
 * department does not own identity data); 医保 checks the household register
 * and corrects it here, with a required reason. Both the person's old and new
 * village must lie in the corrector's jurisdiction, so nobody moves a person
 * out of sight of another office. Audited per person with before and after
 * (the name masked: the audit log is read by managers too).
 */
export async function correctPersonRegister(ctx: UseCaseContext, personId: string, input: CorrectRegisterInput): Promise<void> {
  const target = { objectType: "person", objectId: personId };
  await requirePermission(ctx, "people.correct_register", target);
  const name = checkName(typeof input.name === "string" ? input.name.trim() : "");
  if (name.reason !== undefined) throw new ValidationError("name", name.reason);
  const divisionCode = typeof input.divisionCode === "string" ? input.divisionCode.trim() : "";
  if (!/^\d{12}$/.test(divisionCode)) throw new ValidationError("divisionCode", "请选择人员户籍所在的村（社区）");
  const village = await findCurrentDivision(ctx.db, divisionCode);
  if (!village || village.level !== "village") throw new ValidationError("divisionCode", "所选区划不是现行的村（社区），请重新选择");
  if (!isWithin(divisionCode, ctx.actor.user.jurisdiction))
    throw new ValidationError("divisionCode", "所选村（社区）不在本单位管辖范围内，请交由该地医保部门更正");
  const reason = typeof input.reason === "string" ? input.reason.trim() : "";
  if (!reason) throw new ValidationError("reason", "请填写更正依据，如“经户籍信息核实”");
  if ([...reason].length > MAX_CORRECTION_REASON_CHARS)
    throw new ValidationError("reason", `更正依据不能超过 ${MAX_CORRECTION_REASON_CHARS} 个字，请精简`);

  const current = await findPersonById(ctx.db, personId);
  if (!current) throw new NotFoundError("找不到该人员。");
  await requireWithin(ctx, current.divisionCode, "people.correct_register", target);

  await inTransaction(ctx.db, async (tx) => {
    const before = await lockPersonRegister(tx, personId);
    // Moved by a concurrent correction since the check above: ask to reload rather than act on stale data.
    if (!before || before.divisionCode !== current.divisionCode || before.name !== current.name)
      throw new ValidationError("name", "该人员的登记信息刚被他人更正，请刷新页面后再办理");
    if (before.name === name.value && before.divisionCode === divisionCode)
      throw new ValidationError("name", "姓名和所在村均未改变，无需更正");
    await updatePersonRegister(tx, personId, { name: name.value, divisionCode });
    await insertAudit(
      tx,
      auditRow(ctx.actor, {
        action: "people.correct_register",
        ...target,
        detail: {
          // Masked: the audit log is read by managers and administrators too.
          before: { name: maskName(before.name), divisionCode: before.divisionCode },
          after: { name: maskName(name.value), divisionCode },
          nameChanged: before.name !== name.value,
          reason,
        },
      }),
    );
  });
}
