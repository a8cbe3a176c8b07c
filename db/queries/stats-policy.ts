import { and, like, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { policyActivations } from "../schema";

// Whether any policy is activated strictly below a division. The coverage
// figure needs each child's target; when no child has its own activation
// (the usual case: a county's policy covers its townships), the children's
// targets are the parent's and no per-child lookup is needed.

export async function hasActivationsBelow(db: Db | Tx, prefix: string, division: string): Promise<boolean> {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(policyActivations)
    .where(and(like(policyActivations.divisionCode, `${prefix}%`), ne(policyActivations.divisionCode, division)))
    .limit(1);
  return rows.length > 0;
}
