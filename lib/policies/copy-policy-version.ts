import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { insertPolicyVersion, lockPolicyVersions, maxVersion } from "@/db/queries/policies";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { accountId } from "@/lib/auth/domain/actor";
import { validatePolicy } from "@/lib/policies/domain/validate-policy";
import { parseInput } from "@/lib/users/domain/parse-input";
import { loadVersion, versionTarget } from "./load-version";
import { copyInput } from "./domain/policy-input";
import { storedRecord } from "./stored-record";

/**
 * 复制为新版本: a stored version (a preset's or any other) becomes a new draft,
 * either the next version of the same policy id or version 1 of a new one.
 * The draft is edited and then activated; the source is left as it was.
 */
export async function copyPolicyVersion(
  ctx: UseCaseContext,
  source: { policyId: string; version: string | number },
  raw: unknown,
): Promise<{ policyId: string; version: number }> {
  await requirePermission(ctx, "policies.edit", versionTarget(source.policyId, source.version));
  const input = parseInput(copyInput, raw);
  const from = await loadVersion(ctx.db, source.policyId, source.version);
  const record = structuredClone(storedRecord(from));
  return inTransaction(ctx.db, async (tx) => {
    await lockPolicyVersions(tx);
    const version = (await maxVersion(tx, input.targetPolicyId)) + 1;
    const copied = validatePolicy({ ...record, id: input.targetPolicyId, version, name: input.name });
    // The source was valid and only id, version and name changed, all checked above.
    if (!copied.ok) throw new Error(`copy of ${from.policyId} v${from.version} fails validation: ${copied.errors[0]}`);
    await insertPolicyVersion(tx, {
      policyId: input.targetPolicyId,
      version,
      name: input.name,
      basedOn: from.basedOn,
      record: copied.policy as unknown as Record<string, unknown>,
      status: "draft",
      note: input.note ?? `复制自 ${from.policyId} 第 ${from.version} 版`,
      createdBy: accountId(ctx.actor),
    });
    await insertAudit(
      tx,
      auditRow(ctx.actor, {
        action: "policies.copy",
        ...versionTarget(input.targetPolicyId, version),
        detail: { from: `${from.policyId}/v${from.version}`, name: input.name },
      }),
    );
    return { policyId: input.targetPolicyId, version };
  });
}
