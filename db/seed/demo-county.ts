import { demoAccountsHash } from "./demo-password";
import { DEMO_ACCOUNTS } from "@/lib/demo/demo-accounts";
import { demoDivisions } from "@/lib/demo/demo-divisions";
import { demoPeople } from "@/lib/demo/demo-people";
import { auditLog, divisions, people, users } from "../schema";
import type { Tx } from "../client";

export const DEMO_PEOPLE_COUNT = 3000;

/**
 * Seeds the demo county on an empty database, in the caller's transaction.
 * Later capabilities add their demo data here as further steps, so a new user
 * sees each part working without typing anything.
 */
export async function seedDemoCounty(tx: Tx): Promise<{ divisions: number; users: number; people: number }> {
  const divs = demoDivisions();
  await tx.insert(divisions).values(divs.map((d) => ({ ...d, validFrom: "2020-01-01" })));

  const passwordHash = await demoAccountsHash();
  await tx.insert(users).values(DEMO_ACCOUNTS.map((a) => ({ ...a, passwordHash })));

  const villages = divs.filter((d) => d.level === "village").map((d) => d.code);
  const persons = demoPeople(villages, DEMO_PEOPLE_COUNT);
  for (let i = 0; i < persons.length; i += 500) await tx.insert(people).values(persons.slice(i, i + 500));

  await tx.insert(auditLog).values({
    action: "system.seed",
    outcome: "success",
    detail: { divisions: divs.length, users: DEMO_ACCOUNTS.length, people: persons.length },
  });
  return { divisions: divs.length, users: DEMO_ACCOUNTS.length, people: persons.length };
}
