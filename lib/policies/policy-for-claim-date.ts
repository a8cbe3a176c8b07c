import "server-only";
import type { Db, Tx } from "@/db";
import { policyVersionInForce } from "@/db/queries/policy-in-force";
import type { PolicyVersionRow } from "@/db/schema";
import { divisionChain } from "@/lib/divisions/domain/division-chain";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { storedRecord } from "./stored-record";

export type PolicyForClaim = { versionId: number; policyId: string; version: number; record: PolicyRecord };

/**
 * The policy a claim is settled under: the version activated for the claim's
 * division (or the nearest division above it) with the latest activation
 * date on or before the claim date (docs/architecture.md: a claim is settled under the
 * version in force on its date). `divisionCode` is the person's division
 * (village, township or county).
 *
 * Returns null when nothing is in force on that date: no activation yet, or
 * the activated version's own dates (effectiveFrom–effectiveTo) do not cover
 * the date — settling then would only fail in the engine's date check, so the
 * caller should report "no policy in force" instead. The record is validated
 * and frozen; copy it before changing it. For the claims ledger; no actor, so
 * the caller has already authorised the claim's division.
 */
export async function policyForClaimDate(db: Db | Tx, divisionCode: string, date: string): Promise<PolicyForClaim | null> {
  return policyOfVersionInForce(await policyVersionInForce(db, divisionChain(divisionCode), date), date);
}

/** The same from the version row policyVersionInForce found (or a query that reads it as part of more). */
export function policyOfVersionInForce(row: Pick<PolicyVersionRow, "id" | "policyId" | "version" | "status" | "record"> | null | undefined, date: string): PolicyForClaim | null {
  if (!row) return null;
  const record = storedRecord(row);
  if (date < record.effectiveFrom || (record.effectiveTo !== null && date > record.effectiveTo)) return null;
  return { versionId: row.id, policyId: row.policyId, version: row.version, record };
}
