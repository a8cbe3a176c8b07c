import { eq } from "drizzle-orm";
import { people, type PersonRow } from "../schema";
import type { Db, Tx } from "../client";

export async function findPersonByIdNumber(db: Db | Tx, idNumber: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(people).where(eq(people.idNumber, idNumber)).limit(1);
  return row;
}
