import "server-only";
import { homeDivision } from "@/db/queries/users";
import type { Db } from "@/db";
import type { UseCaseContext } from "./context";
import { cliActor } from "./domain/system-actor";
import type { Department } from "@/lib/departments/departments";
import type { Role } from "./domain/roles";

/**
 * The use-case context of a command-line run: the CLI actor (kind "cli") of
 * `department` / `role` over the deployment's home division (the widest
 * administrator's jurisdiction). Null before `db setup` created that account.
 * The use cases then check permissions and write audit rows as for a person.
 */
export async function commandLineContext(db: Db, department: Department, role: Role = "clerk"): Promise<UseCaseContext | null> {
  const home = await homeDivision(db);
  return home ? { db, actor: cliActor(department, home, role) } : null;
}
