import type { Db } from "@/db";
import type { UseCaseContext } from "@/lib/auth/context";
import { commandLineContext } from "@/lib/auth/command-line-context";
import type { Department } from "@/lib/departments/departments";
import type { Role } from "@/lib/auth/domain/roles";
import { CliInputError } from "./command";

/** The use-case context of a CLI command: the command-line actor of `department` over the deployment's home division. */
export async function cliContext(db: Db, department: Department, role: Role = "clerk"): Promise<UseCaseContext> {
  const ctx = await commandLineContext(db, department, role);
  if (!ctx) throw new CliInputError("database: no administrator account yet; run `db setup` first");
  return ctx;
}
