import type { Department } from "@/lib/departments/departments";
import type { Actor } from "./actor";
import type { Role } from "./roles";

// Actors without an account: the command line, run by the operator of the
// server (whoever may read its database), and the server itself (the demo
// seed, the benchmarks). Their use cases still go through permissions and
// audit: as the department and role the caller names, over the given
// division. Audit rows show them as "cli" / "system" without a user id; those
// names are reserved (lib/users/domain/user-input.ts), and `kind` — never the
// name or the id — is what code checks (accountId in ./actor.ts).

/**
 * The placeholder id of an accountless actor (SessionUser.id must be a
 * string). Compare `actor.kind` or use `accountId(actor)`, not this id.
 */
const NO_ACCOUNT_ID = "00000000-0000-0000-0000-000000000000";

/** The command line acting as `department` / `role` over `jurisdiction`. */
export function cliActor(department: Department, jurisdiction: string, role: Role = "clerk"): Actor {
  return {
    kind: "cli",
    user: { id: NO_ACCOUNT_ID, username: "cli", displayName: "命令行", department, role, jurisdiction, status: "active" },
    ip: null,
    userAgent: "cli",
  };
}

/** The server itself (demo seed, benchmarks) acting as `department` / `role` over `jurisdiction`. */
export function systemActor(department: Department, jurisdiction: string, role: Role = "clerk"): Actor {
  return {
    kind: "system",
    user: { id: NO_ACCOUNT_ID, username: "system", displayName: "系统", department, role, jurisdiction, status: "active" },
    ip: null,
    userAgent: "system",
  };
}
