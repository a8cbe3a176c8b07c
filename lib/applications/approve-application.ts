import "server-only";
import { lockPersonYear } from "@/db/queries/application-audit";
import { insertAudit } from "@/db/queries/audit";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/domain/can";
import { ValidationError } from "@/lib/errors/app-error";
import { Money } from "@/lib/money/money";
import { parseAmount } from "@/lib/money/parse-amount";
import { loadCaseFor } from "./audit-case";
import { amountOfCase } from "./case-amount";
import { WorkflowError } from "./domain/workflow-errors";
import { ApplicationChangedError, runTransition } from "./run-transition";

export type ApproveInput = { version?: unknown; amount?: unknown; reason?: unknown };

/**
 * 审核通过 (county_review → approved): the amount is the engine's, recomputed
 * here — a figure the browser shows is never trusted. An empty amount means
 * the computed one. A different amount needs applications.override (the
 * manager) and a reason; no amount exceeds the room left in the year's pool.
 * Inside the transaction the person-year is locked and the amount computed
 * again, so two of the same person's applications approved at once cannot
 * together pass the 50000 limit; the later one gets only what is left.
 */
export async function approveApplication(ctx: UseCaseContext, applicationId: unknown, input: ApproveInput) {
  const c = await loadCaseFor(ctx, applicationId, "applications.audit");
  const amount = await amountOfCase(ctx.db, c);
  const typed = typeof input.amount === "string" ? input.amount.trim() : typeof input.amount === "number" ? String(input.amount) : "";
  const approved = typed === "" ? amount.computed : typed;
  const reason = typeof input.reason === "string" ? input.reason.trim() : "";
  const parsed = parseAmount(approved);
  if (parsed.ok && !parsed.value.equals(new Money(amount.computed)) && !can(ctx.actor.user, "applications.override")) {
    // The matrix and the machine (OVERRIDE_ROLES) agree; this refusal is audited like any permission refusal.
    await insertAudit(ctx.db, auditRow(ctx.actor, { action: "applications.override", objectType: "application", objectId: c.id, outcome: "refused", detail: { reason: "permission" } }));
    throw new WorkflowError("role", `核定金额 ${parsed.value.toFixed(2)} 元与按政策计算的 ${amount.computed} 元不同，只有医保负责人可以调整金额`, "amount");
  }
  return runTransition(ctx, {
    applicationId: c.id,
    version: input.version,
    command: { action: "approve", amount: approved, computed: amount.computed, ceiling: amount.ceiling, ...(reason ? { reason } : {}) },
    permission: "applications.audit",
    reason: reason || null,
    patch: (d, on) => ({
      computedAmount: amount.computed,
      approvedAmount: d.approvedAmount!,
      overrideReason: d.overridden ? reason : null,
      approvedOn: on,
    }),
    within: async (tx, d) => {
      await lockPersonYear(tx, c.personId, c.year);
      const now = await amountOfCase(tx, c);
      // Another of the person's applications was approved meanwhile: the pool moved, decide again.
      if (now.computed !== amount.computed || now.ceiling !== amount.ceiling) throw new ApplicationChangedError();
      if (now.ceiling !== null && new Money(d.approvedAmount!).greaterThan(now.ceiling)) {
        throw new ValidationError("amount", `核定金额 ${d.approvedAmount} 元超过本年度救助限额剩余额度 ${now.ceiling} 元`);
      }
    },
  });
}
