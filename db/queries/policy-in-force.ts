import { and, inArray, lte, sql } from "drizzle-orm";
import { policyActivations, policyVersions, type PolicyVersionRow } from "../schema";
import type { Db, Tx } from "../client";

/**
 * Which activation wins among those of a division chain on or before a date
 * (an ORDER BY, first row wins): the nearest division up the chain (a
 * county's own activation over its city's), then the latest activation, then
 * the latest recorded. Every query that picks the policy in force orders by
 * this, on `alias` (policy_activations' name or alias in that query).
 */
export function inForceOrder(alias: string): string {
  if (!/^[a-z_]+$/.test(alias)) throw new Error(`not a table alias: ${alias}`);
  return `length(rtrim(${alias}.division_code, '0')) DESC, ${alias}.active_from DESC, ${alias}.id DESC`;
}

/**
 * The policy version in force on `date` for a division: the latest activation
 * on or before that date at the nearest division up the chain (a county's own
 * activation wins over its city's).
 */
export async function policyVersionInForce(
  db: Db | Tx,
  divisionChain: readonly string[],
  date: string,
): Promise<(PolicyVersionRow & { activeFrom: string; activationDivision: string }) | null> {
  if (divisionChain.length === 0) return null;
  const [row] = await db
    .select({ version: policyVersions, activeFrom: policyActivations.activeFrom, activationDivision: policyActivations.divisionCode })
    .from(policyActivations)
    .innerJoin(policyVersions, sql`${policyVersions.id} = ${policyActivations.versionId}`)
    .where(and(inArray(policyActivations.divisionCode, [...divisionChain]), lte(policyActivations.activeFrom, date)))
    .orderBy(sql.raw(inForceOrder("policy_activations")))
    .limit(1);
  return row ? { ...row.version, activeFrom: row.activeFrom, activationDivision: row.activationDivision } : null;
}
