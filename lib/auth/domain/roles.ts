export const ROLES = ["clerk", "reviewer", "manager", "publisher", "viewer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  clerk: "经办员",
  reviewer: "审核员",
  manager: "负责人",
  publisher: "公示员",
  viewer: "查看员",
  admin: "系统管理员",
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
