import type { SessionUser } from "@/lib/auth/domain/actor";
import { ROSTER_DEPARTMENTS, type RosterDepartment } from "@/lib/departments/departments";

/**
 * Whose lists a user may follow: a certifying department its own, the
 * medical-security bureau (which receives them all) every department's.
 */
export function visibleRosterDepartments(user: Pick<SessionUser, "department">): RosterDepartment[] {
  const own = ROSTER_DEPARTMENTS.find((d) => d === user.department);
  return own ? [own] : [...ROSTER_DEPARTMENTS];
}
