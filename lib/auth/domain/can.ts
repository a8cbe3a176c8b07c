import type { Department } from "@/lib/departments/departments";
import { PERMISSIONS, type Action, type Grant } from "./permissions";
import type { Role } from "./roles";

export type RoleHolder = { department: Department; role: Role; status?: "active" | "disabled" };

/** Pure check of the matrix. A disabled user can do nothing. */
export function can(user: RoleHolder | null | undefined, action: Action): boolean {
  if (!user || user.status === "disabled") return false;
  const grants: readonly Grant[] = PERMISSIONS[action].grants;
  return grants.some(
    (g) => (g.departments === "any" || g.departments.includes(user.department)) && g.roles.includes(user.role),
  );
}
