import { demoAccountsHash } from "./demo-password";
import { DEMO_ACCOUNTS } from "@/lib/demo/demo-accounts";
import { demoDivisions } from "@/lib/demo/demo-divisions";
import { demoPeople } from "@/lib/demo/demo-people";
import { auditLog, divisions, people, users } from "@/db/schema";
import type { Tx } from "@/db/client";
import { sealedIdColumns } from "@/db/queries/people-ids";
import { forgetCurrentTownships } from "@/lib/divisions/current-townships";

export const DEMO_PEOPLE_COUNT = 3000;

/**
 * The base of the demo county (divisions, accounts, residents), in the
 * caller's transaction. Each capability adds its own demo data as a further
 * step in seed/steps.ts.
 */
export async function seedDemoCounty(tx: Tx): Promise<{ divisions: number; users: number; people: number }> {
  const divs = demoDivisions();
  await tx.insert(divisions).values(divs.map((d) => ({ ...d, validFrom: "2020-01-01" })));
  // The township lists kept in process (lib/divisions/current-townships.ts) predate these rows.
  forgetCurrentTownships();

  const passwordHash = await demoAccountsHash();
  await tx.insert(users).values(DEMO_ACCOUNTS.map((a) => ({ ...a, passwordHash })));

  const villages = divs.filter((d) => d.level === "village").map((d) => d.code);
  const persons = demoPeople(villages, DEMO_PEOPLE_COUNT);
  for (let i = 0; i < persons.length; i += 500) await tx.insert(people).values(persons.slice(i, i + 500).map(({ idNumber, ...p }) => ({ ...p, ...sealedIdColumns(idNumber) })));

  await tx.insert(auditLog).values({
    action: "system.seed",
    outcome: "success",
    detail: { divisions: divs.length, users: DEMO_ACCOUNTS.length, people: persons.length },
  });
  return { divisions: divs.length, users: DEMO_ACCOUNTS.length, people: persons.length };
}
