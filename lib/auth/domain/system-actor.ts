import type { Department } from "@/lib/departments/departments";
import type { Actor } from "./actor";
import type { Role } from "./roles";

// The command line runs as the operator of the server (whoever may read its
// database). Its use cases still go through permissions and audit: as a
// system actor of the department the command names, over the deployment's
// home division. Audit rows show it as "cli" without a user id.
export const SYSTEM_USER_ID = "00000000-0000-0000-0000-000000000000";

export function systemActor(department: Department, jurisdiction: string, role: Role = "clerk"): Actor {
  return {
    user: { id: SYSTEM_USER_ID, username: "cli", displayName: "命令行", department, role, jurisdiction, status: "active" },
    ip: null,
    userAgent: "cli",
  };
}
