import { homeDivision } from "@/db/queries/users";
import type { Db } from "@/db";
import type { UseCaseContext } from "@/lib/auth/context";
import { cliActor } from "@/lib/auth/domain/system-actor";
import type { Department } from "@/lib/departments/departments";
import type { Role } from "@/lib/auth/domain/roles";
import { CliInputError } from "./command";

/** The use-case context of a CLI command: the command-line actor of `department` over the deployment's home division. */
export async function cliContext(db: Db, department: Department, role: Role = "clerk"): Promise<UseCaseContext> {
  const home = await homeDivision(db);
  if (!home) throw new CliInputError("database: no administrator account yet; run `db setup` first");
  return { db, actor: cliActor(department, home, role) };
}
