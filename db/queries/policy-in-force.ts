import { and, desc, inArray, lte, sql } from "drizzle-orm";
import { policyActivations, policyVersions, type PolicyVersionRow } from "../schema";
import type { Db, Tx } from "../client";

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
    .orderBy(desc(sql`length(rtrim(${policyActivations.divisionCode}, '0'))`), desc(policyActivations.activeFrom), desc(policyActivations.id))
    .limit(1);
  return row ? { ...row.version, activeFrom: row.activeFrom, activationDivision: row.activationDivision } : null;
}
