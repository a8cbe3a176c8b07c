import "server-only";
import { findApplicationForWorkflow } from "@/db/queries/applications";
import { markRecoveryReceived, recoveryOfApplication } from "@/db/queries/application-recoveries";
import { insertAudit } from "@/db/queries/audit";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { accountId } from "@/lib/auth/domain/actor";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { isIsoDate } from "@/lib/calendar/domain/iso-date";
import { AppError, NotFoundError, ValidationError } from "@/lib/errors/app-error";
import { Money } from "@/lib/money/money";

// 追回到账: the payment clerk records that the money of a revoked grant came
// back — the day it arrived and the bank's reference — once (a second record
// is refused: the row is updated only while still open). Audited in the same
// transaction. The recovery itself is opened by the revocation
// (lib/notices/revoke-after-objection.ts).

export async function recordRecoveryReceived(
  ctx: UseCaseContext,
  applicationId: unknown,
  input: { recoveredOn?: unknown; reference?: unknown },
): Promise<{ caseNo: string; amount: string; recoveredOn: string; reference: string }> {
  const id = typeof applicationId === "string" ? applicationId : "";
  await requirePermission(ctx, "applications.pay", { objectType: "application", objectId: id.slice(0, 36) });
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await findApplicationForWorkflow(ctx.db, id) : null;
  if (!row) throw new NotFoundError("找不到该申请，可能链接有误。");
  await requireWithin(ctx, row.townshipCode, "applications.pay", { objectType: "application", objectId: id });
  const on = todayOf(ctx);
  const recoveredOn = typeof input.recoveredOn === "string" ? input.recoveredOn.trim() : "";
  if (!isIsoDate(recoveredOn)) throw new ValidationError("recoveredOn", "请填写追回款到账日期，格式 YYYY-MM-DD");
  if (recoveredOn > on) throw new ValidationError("recoveredOn", `到账日期 ${recoveredOn} 晚于今天，请核对`);
  const reference = typeof input.reference === "string" ? input.reference.trim() : "";
  if (!reference) throw new ValidationError("reference", "请填写追回款的银行流水号或缴款凭证号");
  if ([...reference].length > 100) throw new ValidationError("reference", "流水号不能超过 100 个字");
  const recovery = await recoveryOfApplication(ctx.db, id);
  if (!recovery) throw new AppError("conflict", `${row.caseNo} 没有待追回的救助金`);
  if (recovery.recoveredOn) throw new AppError("conflict", `${row.caseNo} 的追回款已于 ${recovery.recoveredOn} 登记到账，不能重复登记`);
  if (recoveredOn < recovery.createdOn) throw new ValidationError("recoveredOn", `到账日期不能早于撤销救助、登记追回的日期 ${recovery.createdOn}`);
  const amount = new Money(recovery.amount).toFixed(2);
  await inTransaction(ctx.db, async (tx) => {
    if (!(await markRecoveryReceived(tx, id, { on: recoveredOn, reference, userId: accountId(ctx.actor) }))) {
      throw new AppError("conflict", `${row.caseNo} 的追回款刚被他人登记到账，请刷新页面`);
    }
    await insertAudit(
      tx,
      auditRow(ctx.actor, { action: "applications.recovery_received", objectType: "application", objectId: id, detail: { caseNo: row.caseNo, amount, recoveredOn, reference } }),
    );
  });
  return { caseNo: row.caseNo, amount, recoveredOn, reference };
}
