import { ROLE_NAMES, ROLES } from "@/lib/auth/domain/roles";
import { DEPARTMENT_NAMES, DEPARTMENTS } from "@/lib/departments/departments";
import type { Option } from "./user-form";

export const departmentOptions: Option[] = DEPARTMENTS.map((d) => ({ value: d, label: DEPARTMENT_NAMES[d] }));
export const roleOptions: Option[] = ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] }));

export function divisionOptions(divs: { code: string; name: string; level: string }[]): Option[] {
  const indent: Record<string, string> = { province: "", city: "", county: "", township: "　", village: "　　" };
  return divs.map((d) => ({ value: d.code, label: `${indent[d.level] ?? ""}${d.name}（${d.code}）` }));
}
