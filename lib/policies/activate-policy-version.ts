import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { insertActivation, lockPolicyVersions, setVersionState, versionsOfPolicy } from "@/db/queries/policies";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { accountId } from "@/lib/auth/domain/actor";
import { levelOf, scopePrefix } from "@/lib/divisions/domain/division-code";
import { AppError, ValidationError } from "@/lib/errors/app-error";
import { reevaluateFrom } from "@/lib/monitoring/reevaluate-people";
import { planNewVersion, type VersionDates } from "@/lib/policies/domain/versions";
import { parseInput } from "@/lib/users/domain/parse-input";
import { loadVersion, requireEditableDraft, versionTarget } from "./load-version";
import { activationProblems } from "./domain/activation-requirements";
import { activationInput } from "./domain/policy-input";
import { storedRecord } from "./stored-record";

const dates = (row: { policyId: string; version: number; record: Record<string, unknown> }): VersionDates => ({
  id: row.policyId,
  version: row.version,
  effectiveFrom: String(row.record.effectiveFrom),
  effectiveTo: (row.record.effectiveTo as string | null) ?? null,
});

/**
 * The activation would shorten published versions and the manager has not
 * confirmed these very changes: the page shows the sentences and asks again
 * with `key`. Nothing is stored or audited (it is a question, not a change).
 */
export class OverlapConfirmationRequired extends AppError {
  constructor(
    readonly explanation: string[],
    readonly key: string,
  ) {
    super("conflict", `启用前请确认：${explanation.join("；")}。`, "activeFrom");
    this.name = "OverlapConfirmationRequired";
  }
}

/**
 * 启用: the version applies in the user's region (their jurisdiction, a county
 * or above) from `activeFrom`; claims on or after that date are settled under
 * it until a later activation. Old versions and activations stay. A draft's
 * first activation publishes it: its dates must not overlap the policy's
 * other published versions in a way that cannot be resolved, and a
 * predecessor still in force when it starts is closed the day before it
 * starts and marked retired — only once the manager has confirmed that in
 * words (planNewVersion; OverlapConfirmationRequired otherwise). Audited,
 * with what was closed and that it was confirmed.
 */
export async function activatePolicyVersion(
  ctx: UseCaseContext,
  ref: { policyId: string; version: string | number },
  raw: unknown,
): Promise<{ activationId: number; closed: { version: number; effectiveTo: string }[] }> {
  const target = versionTarget(ref.policyId, ref.version);
  await requirePermission(ctx, "policies.edit", target);
  const region = ctx.actor.user.jurisdiction;
  const level = levelOf(region);
  if (level !== "county" && level !== "city" && level !== "province") {
    throw new ValidationError("activeFrom", "政策只能在县级及以上区划启用：请由县（市）医保局负责人办理");
  }
  const { activeFrom, confirmOverlap } = parseInput(activationInput, raw);
  return inTransaction(ctx.db, async (tx) => {
    await lockPolicyVersions(tx);
    const row = await loadVersion(tx, ref.policyId, ref.version);
    if (row.status === "draft") await requireEditableDraft(ctx, row);
    const record = storedRecord(row);
    if (activeFrom < record.effectiveFrom) {
      throw new ValidationError("activeFrom", `启用日期 ${activeFrom} 早于本版本的生效日期 ${record.effectiveFrom}：请改为 ${record.effectiveFrom} 或之后`);
    }
    if (record.effectiveTo !== null && activeFrom > record.effectiveTo) {
      throw new ValidationError("activeFrom", `本版本 ${record.effectiveTo} 已失效，不能从 ${activeFrom} 起启用：请启用更新的版本`);
    }
    const missing = activationProblems(record);
    if (missing.length > 0) throw new ValidationError("limitPools", `不能启用：${missing.join("；")}`);
    let closed: { version: number; effectiveTo: string }[] = [];
    if (row.status === "draft") {
      const published = (await versionsOfPolicy(tx, row.policyId)).filter((v) => v.status !== "draft" && v.id !== row.id);
      const plan = planNewVersion(published.map(dates), dates(row));
      if (!plan.ok) throw new ValidationError("activeFrom", `不能启用：${plan.message}`);
      if (plan.closes.length > 0 && confirmOverlap !== true && confirmOverlap !== plan.key) {
        throw new OverlapConfirmationRequired(plan.explanation, plan.key);
      }
      closed = plan.closes.map(({ version, effectiveTo }) => ({ version, effectiveTo }));
      for (const c of closed) {
        const old = published.find((v) => v.version === c.version)!;
        await setVersionState(tx, old.id, { status: "retired", record: { ...old.record, effectiveTo: c.effectiveTo } });
      }
      await setVersionState(tx, row.id, { status: "active" });
    }
    const activation = await insertActivation(tx, {
      divisionCode: region,
      versionId: row.id,
      activeFrom,
      activatedBy: accountId(ctx.actor),
    });
    // New yearly parameters (monitoring standard, prior-year income) change the thresholds of the years from activeFrom on.
    const monitoring = await reevaluateFrom(tx, scopePrefix(region), activeFrom, todayOf(ctx));
    await insertAudit(
      tx,
      auditRow(ctx.actor, { action: "policies.activate", ...target, detail: { division: region, activeFrom, published: row.status === "draft", closed, overlapConfirmed: closed.length > 0, monitoring } }),
    );
    return { activationId: activation.id, closed };
  });
}
