import "server-only";
import type { Db, Tx } from "@/db";
import { findPolicyVersion } from "@/db/queries/policies";
import type { UseCaseContext } from "@/lib/auth/context";
import { requireWithin } from "@/lib/auth/require-permission";
import { NotFoundError, ValidationError } from "@/lib/errors/app-error";
import { policyIdSchema, versionNumber } from "./domain/policy-input";

// Shared by the policy use cases: the version a URL names, and the rule that
// only a draft is ever written.

export type LoadedVersion = NonNullable<Awaited<ReturnType<typeof findPolicyVersion>>>;

export const versionTarget = (policyId: string, version: string | number) => ({ objectType: "policy_version", objectId: `${policyId}/v${version}` });

/** The version named by a policy id and a version number as text; a 404 for anything else. */
export async function loadVersion(db: Db | Tx, policyId: string, version: string | number): Promise<LoadedVersion> {
  const n = typeof version === "number" ? version : versionNumber(version);
  const row = n !== null && policyIdSchema.safeParse(policyId).success ? await findPolicyVersion(db, policyId, n) : undefined;
  if (!row) throw new NotFoundError("找不到该政策版本，可能链接有误。");
  return row;
}

/**
 * An active version is never edited (an edit is a new version). A draft is
 * edited within the jurisdiction of whoever made it: a county's manager does
 * not rewrite another county's draft. Seeded drafts (no maker) are open.
 */
export async function requireEditableDraft(ctx: UseCaseContext, row: LoadedVersion): Promise<void> {
  if (row.status !== "draft") {
    throw new ValidationError("record", `${row.policyId} 第 ${row.version} 版已启用，不能再修改；如需调整，请“复制为新版本”后修改新版本`);
  }
  if (row.creatorJurisdiction) await requireWithin(ctx, row.creatorJurisdiction, "policies.edit", versionTarget(row.policyId, row.version));
}
