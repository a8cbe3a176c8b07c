export const ROLES = ["clerk", "reviewer", "manager", "publisher", "viewer", "admin", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  clerk: "经办员",
  reviewer: "审核员",
  manager: "负责人",
  publisher: "公示员",
  viewer: "查看员",
  admin: "系统管理员",
  // 等保 level 3 separates the system administrator from the security auditor, who reads and exports the audit log and nothing else.
  auditor: "安全审计员",
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
