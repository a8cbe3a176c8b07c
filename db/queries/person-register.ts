import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { people } from "../schema";

// The register's identity fields (name, village of household registration),
// changed only by a 医保 correction (lib/people/correct-person-register.ts):
// rosters, enrolment and claims never rewrite them.

/** The person's current name and village, locked until the correction commits. */
export async function lockPersonRegister(tx: Tx, personId: string) {
  const [row] = await tx
    .select({ id: people.id, name: people.name, divisionCode: people.divisionCode })
    .from(people)
    .where(eq(people.id, personId))
    .for("update");
  return row;
}

export async function updatePersonRegister(tx: Db | Tx, personId: string, next: { name: string; divisionCode: string }): Promise<void> {
  await tx
    .update(people)
    .set({ name: next.name, divisionCode: next.divisionCode, updatedAt: sql`now()` })
    .where(eq(people.id, personId));
}
