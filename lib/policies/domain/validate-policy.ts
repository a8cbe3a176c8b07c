import { formatIssuePath } from "./schema/issue-path";
import { policyRecordSchema, type PolicyRecord } from "./schema/policy-record";

export type PolicyValidation = { ok: true; policy: PolicyRecord } | { ok: false; errors: string[] };

/**
 * Validates a stored or edited policy record. Each error is one line naming the
 * field, e.g. `criticalIllness.tilt.ratioPointsPercent: 提高 50 个百分点后比例 60% 超过 100%`.
 */
export function validatePolicy(input: unknown): PolicyValidation {
  const result = policyRecordSchema.safeParse(input);
  if (result.success) return { ok: true, policy: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => {
      const path = formatIssuePath(issue.path);
      return path === "" ? issue.message : `${path}: ${issue.message}`;
    }),
  };
}
