import "server-only";
import { deleteReceipt } from "@/db/queries/application-audit";
import { updateApplicationIfVersion } from "@/db/queries/applications";
import { insertAudit } from "@/db/queries/audit";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { NotFoundError } from "@/lib/errors/app-error";
import { loadCaseFor } from "./audit-case";
import { requireTownshipPost } from "./township-post";
import { ApplicationChangedError, versionOf } from "./run-transition";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Removes a hand-entered receipt (entered by mistake) while the township has the case; audited with its number. */
export async function removeManualReceipt(ctx: UseCaseContext, applicationId: unknown, input: { version?: unknown; receiptId?: unknown }): Promise<{ version: number }> {
  const c = await loadCaseFor(ctx, applicationId, "applications.intake");
  requireTownshipPost(ctx, c, "删除手工录入的结算单据");
  const version = versionOf(input.version);
  const receiptId = typeof input.receiptId === "string" ? input.receiptId : "";
  if (!UUID.test(receiptId)) throw new NotFoundError("找不到该结算单据，可能已被删除。");
  await inTransaction(ctx.db, async (tx) => {
    if (!(await updateApplicationIfVersion(tx, c.id, version, {}))) throw new ApplicationChangedError();
    const receiptNo = await deleteReceipt(tx, c.id, receiptId);
    if (receiptNo === null) throw new NotFoundError("找不到该结算单据，可能已被删除。");
    await insertAudit(tx, auditRow(ctx.actor, { action: "applications.remove_receipt", objectType: "application", objectId: c.id, detail: { caseNo: c.caseNo, receiptNo } }));
  });
  return { version: version + 1 };
}
