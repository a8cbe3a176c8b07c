import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { closeOpenCase, findCase } from "@/db/queries/enrolment-worklist";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { accountId } from "@/lib/auth/domain/actor";
import { NotFoundError, ValidationError } from "@/lib/errors/app-error";
import { CASE_REASON_NAMES, CASE_REASONS, isCaseReason, MAX_CASE_NOTE_CHARS } from "./domain/case-reasons";

export type CloseCaseInput = { reason?: unknown; note?: unknown };

const REASON_LIST = CASE_REASONS.map((r) => CASE_REASON_NAMES[r]).join("、");

/** 销号: closes one open 未参保 case with a required reason and an optional note, audited. */
export async function closeUnenrolledCase(ctx: UseCaseContext, caseId: unknown, input: CloseCaseInput): Promise<void> {
  const id = typeof caseId === "number" ? caseId : Number(String(caseId ?? ""));
  await requirePermission(ctx, "enrolment.work", { objectType: "unenrolled_case", objectId: String(caseId).slice(0, 20) });
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError("找不到该未参保记录，可能链接有误。");
  const found = await findCase(ctx.db, id);
  if (!found) throw new NotFoundError("找不到该未参保记录，可能已被删除。");
  await requireWithin(ctx, found.townshipCode, "enrolment.work", { objectType: "unenrolled_case", objectId: String(id) });

  const reason = typeof input.reason === "string" ? input.reason.trim() : "";
  if (!isCaseReason(reason)) throw new ValidationError("reason", `请选择销号原因：${REASON_LIST}`);
  const note = typeof input.note === "string" ? input.note.trim() : "";
  if ([...note].length > MAX_CASE_NOTE_CHARS) throw new ValidationError("note", `说明不能超过 ${MAX_CASE_NOTE_CHARS} 个字，请精简`);

  await inTransaction(ctx.db, async (tx) => {
    const closedBy = accountId(ctx.actor);
    const closed = await closeOpenCase(tx, id, { reason, note: note || null, closedBy });
    if (!closed) throw new ValidationError("status", "该人员已销号，无需重复办理。");
    await insertAudit(
      tx,
      auditRow(ctx.actor, {
        action: "enrolment.close_case",
        objectType: "unenrolled_case",
        objectId: String(id),
        detail: { year: found.year, township: found.townshipCode, reason, note: note || null },
      }),
    );
  });
}
