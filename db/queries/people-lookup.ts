import { eq } from "drizzle-orm";
import { people } from "../schema";
import type { Db, Tx } from "../client";
import { idHashOf, openPerson, type Person } from "./people-ids";

/** By full ID number, through the blind index (a part of an ID cannot be looked up). */
export async function findPersonByIdNumber(db: Db | Tx, idNumber: string): Promise<Person | undefined> {
  const [row] = await db.select().from(people).where(eq(people.idHash, idHashOf(idNumber))).limit(1);
  return row && openPerson(row);
}
