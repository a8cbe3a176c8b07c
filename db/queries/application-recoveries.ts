import { and, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Tx } from "../client";
import { applicationRecoveries, users } from "../schema";

// 追回 (docs/policy.md §6): money paid on a case whose grant was revoked
// afterwards. One row per case (unique application_id), written in the
// revocation's transaction; 追回到账 is recorded once, only while still open
// (`WHERE recovered_on IS NULL`), so two clicks cannot record it twice.

export async function insertRecovery(tx: Tx, row: typeof applicationRecoveries.$inferInsert): Promise<number> {
  const [created] = await tx.insert(applicationRecoveries).values(row).returning({ id: applicationRecoveries.id });
  return created!.id;
}

const creator = alias(users, "recovery_creator");
const recoverer = alias(users, "recovery_recoverer");

/** The case's recovery with the names of who opened and who closed it; null when none. */
export async function recoveryOfApplication(db: Db | Tx, applicationId: string) {
  const [row] = await db
    .select({
      id: applicationRecoveries.id,
      amount: applicationRecoveries.amount,
      reason: applicationRecoveries.reason,
      paidOn: applicationRecoveries.paidOn,
      createdOn: applicationRecoveries.createdOn,
      createdByName: creator.displayName,
      recoveredOn: applicationRecoveries.recoveredOn,
      recoveredReference: applicationRecoveries.recoveredReference,
      recoveredByName: recoverer.displayName,
    })
    .from(applicationRecoveries)
    .leftJoin(creator, eq(creator.id, applicationRecoveries.createdBy))
    .leftJoin(recoverer, eq(recoverer.id, applicationRecoveries.recoveredBy))
    .where(eq(applicationRecoveries.applicationId, applicationId));
  return row ?? null;
}

/** 追回到账. False when the recovery is gone or was already recorded as received. */
export async function markRecoveryReceived(tx: Tx, applicationId: string, by: { on: string; reference: string; userId: string | null }): Promise<boolean> {
  const done = await tx
    .update(applicationRecoveries)
    .set({ recoveredOn: by.on, recoveredReference: by.reference, recoveredBy: by.userId })
    .where(and(eq(applicationRecoveries.applicationId, applicationId), isNull(applicationRecoveries.recoveredOn)))
    .returning({ id: applicationRecoveries.id });
  return done.length === 1;
}
