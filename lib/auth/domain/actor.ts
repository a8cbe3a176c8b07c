import type { Department } from "@/lib/departments/departments";
import type { Role } from "./roles";

/** The signed-in user as reloaded from the database on this request. */
export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  department: Department;
  role: Role;
  jurisdiction: string;
  status: "active" | "disabled";
};

/** Who is acting, and from where: what every use case takes and every audit row records. */
export type Actor = {
  user: SessionUser;
  ip: string | null;
  userAgent: string | null;
};
