import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { lockClaimsLedger } from "@/db/queries/claims";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { accountId } from "@/lib/auth/domain/actor";
import { ValidationError } from "@/lib/errors/app-error";
import { reevaluateClaims } from "@/lib/monitoring/reevaluate-people";
import { formatCents, yuanToCents } from "@/lib/settlement/cents";
import { planResettle, resettleScope, type ResettleInput } from "./plan-resettle";
import { applyResettlement } from "./resettle-ledger";
import type { SettlementChange } from "./domain/settlement-diff";

export type ApplyResettleInput = ResettleInput & { reason?: unknown; fingerprint?: unknown };
export type ApplyResettleResult = { changed: number; amountsChanged: number; personYears: number };

export const MAX_REASON_CHARS = 200;

function reasonOf(raw: unknown): string {
  const reason = typeof raw === "string" ? raw.trim() : "";
  if (reason.length < 2) throw new ValidationError("reason", "请填写重新结算的原因，如“张某某低保认定日期更正”或“政策第2版启用”");
  if ([...reason].length > MAX_REASON_CHARS) throw new ValidationError("reason", `原因不超过${MAX_REASON_CHARS}字，请精简`);
  return reason;
}

function sum(changes: readonly SettlementChange[], side: "previous" | "next"): string {
  let cents = 0;
  for (const c of changes) {
    const s = side === "next" ? c.next : c.previous;
    if (s) cents += yuanToCents(s.assistance) + yuanToCents(s.tilted);
  }
  return formatCents(cents);
}

/**
 * Applies a previewed re-settlement: the same plan is computed again inside
 * the transaction and must match the preview (else nothing is written and the
 * reviewer is asked to preview again). Changed claims get a new result with the
 * reason; the old results are superseded, never deleted; one audit row holds
 * the summary. With nothing to change, nothing is written.
 */
export async function applyResettle(ctx: UseCaseContext, input: ApplyResettleInput): Promise<ApplyResettleResult> {
  await requirePermission(ctx, "claims.resettle", { objectType: "claims_year", objectId: input.year });
  const reason = reasonOf(input.reason);
  const scope = await resettleScope(ctx, input);
  return inTransaction(ctx.db, async (tx) => {
    await lockClaimsLedger(tx);
    const plan = await planResettle(ctx, tx, scope);
    if (plan.fingerprint !== input.fingerprint) {
      throw new ValidationError("fingerprint", "预览之后结算数据已有变化（如新导入了结算记录，或类别、政策已更正），请重新预览、核对后再确认");
    }
    const { changes, personYears } = plan.resettlement;
    const result = { changed: changes.length, amountsChanged: changes.filter((c) => c.amountsChanged).length, personYears };
    if (changes.length === 0) return result;
    await applyResettlement(tx, changes, { settledBy: accountId(ctx.actor), reason, at: new Date() });
    // The re-settled person-years' monitoring: a lower figure shows on their flags (latest_figure) and closes nothing.
    const monitoring = await reevaluateClaims(tx, changes.map((c) => c.claimId), todayOf(ctx));
    await insertAudit(
      tx,
      auditRow(ctx.actor, {
        action: "claims.resettle",
        objectType: scope.person ? "person" : "claims_year",
        objectId: scope.person ? scope.person.id : String(scope.year),
        detail: {
          year: scope.year,
          jurisdiction: ctx.actor.user.jurisdiction,
          reason,
          ...result,
          skipped: plan.problems.length,
          assistanceBefore: sum(changes, "previous"),
          assistanceAfter: sum(changes, "next"),
          monitoring,
        },
      }),
    );
    return result;
  });
}
