import "server-only";
import { findApplicationForWorkflow, sealedContactOf } from "@/db/queries/applications";
import { insertAudit } from "@/db/queries/audit";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { idCrypto } from "@/lib/crypto/data-keys";
import { NotFoundError, ValidationError } from "@/lib/errors/app-error";

// 查看完整联系方式: the full phone number or bank account of a case, shown only
// to a holder of applications.reveal_contact whose jurisdiction covers the
// case's township. Every reveal is audited first — the row names what was
// revealed, never the value; if the audit cannot be written nothing is shown.

export const REVEAL_FIELDS = ["phone", "bank"] as const;
export type RevealField = (typeof REVEAL_FIELDS)[number];

export type Revealed = { phone: string | null } | { bankHolder: string | null; bankAccount: string | null };

export async function revealApplicationContact(ctx: UseCaseContext, applicationId: unknown, field: unknown): Promise<Revealed> {
  const id = typeof applicationId === "string" ? applicationId : "";
  await requirePermission(ctx, "applications.reveal_contact", { objectType: "application", objectId: id.slice(0, 36) });
  if (field !== "phone" && field !== "bank") throw new ValidationError("field", "请选择要查看的内容：联系电话或银行账号");
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await findApplicationForWorkflow(ctx.db, id) : null;
  if (!row) throw new NotFoundError("找不到该申请，可能链接有误。");
  await requireWithin(ctx, row.townshipCode, "applications.reveal_contact", { objectType: "application", objectId: id });
  const sealed = (await sealedContactOf(ctx.db, id))!;
  const keys = idCrypto();
  const open = (v: string | null) => (v ? keys.open(v) : null);
  const revealed: Revealed =
    field === "phone" ? { phone: open(sealed.phoneSealed) } : { bankHolder: open(sealed.bankHolderSealed), bankAccount: open(sealed.bankAccountSealed) };
  await insertAudit(
    ctx.db,
    auditRow(ctx.actor, {
      action: "applications.reveal_contact",
      objectType: "application",
      objectId: id,
      detail: { caseNo: row.caseNo, revealed: field === "phone" ? ["phone"] : ["bank_holder", "bank_account"] },
    }),
  );
  return revealed;
}
