import type { PolicyVersionRow } from "@/db/schema";
import { deepFreeze } from "./domain/deep-freeze";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { validatePolicy } from "@/lib/policies/domain/validate-policy";

// A stored version's record, validated on every read (POLICY records are
// validated on write too, so a failure here is a damaged row, not a user's
// mistake). Published versions change only by their closing date, so their
// parsed form is cached by id and closing date: settling thousands of claims
// must not re-run the schema for each, and the engine caches its compiled
// form by the record's identity.

const cache = new Map<string, PolicyRecord>();
const MAX_CACHED = 200;

export class DamagedPolicyError extends Error {
  constructor(policyId: string, version: number, errors: string[]) {
    super(`stored policy ${policyId} v${version} fails validation: ${errors.slice(0, 3).join("; ")}`);
    this.name = "DamagedPolicyError";
  }
}

/** The validated record of a stored version; frozen, so callers copy it (structuredClone) before changing it. */
export function storedRecord(row: Pick<PolicyVersionRow, "id" | "policyId" | "version" | "status" | "record">): PolicyRecord {
  const key = row.status === "draft" ? null : `${row.id}|${String(row.record.effectiveTo)}`;
  const hit = key ? cache.get(key) : undefined;
  if (hit) return hit;
  const result = validatePolicy(row.record);
  if (!result.ok) throw new DamagedPolicyError(row.policyId, row.version, result.errors);
  const record = deepFreeze(result.policy);
  if (key) {
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, record);
  }
  return record;
}
