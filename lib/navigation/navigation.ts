import type { Action } from "@/lib/auth/permissions";
import { can, type RoleHolder } from "@/lib/auth/can";

// The portal's navigation. An entry shows only when the user holds its action;
// the page behind it checks the same action on the server.
export type NavItem = { href: string; label: string; action: Action | null; group: string };

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "工作台", action: null, group: "工作" },
  { href: "/people", label: "救助对象", action: "people.view", group: "工作" },
  { href: "/admin/users", label: "用户管理", action: "users.manage", group: "系统管理" },
  { href: "/admin/divisions", label: "行政区划", action: "divisions.view", group: "系统管理" },
  { href: "/admin/calendar", label: "工作日历", action: "calendar.manage", group: "系统管理" },
  { href: "/audit", label: "审计日志", action: "audit.view", group: "系统管理" },
];

export function navigationFor(user: RoleHolder): NavItem[] {
  return NAV_ITEMS.filter((item) => item.action === null || can(user, item.action));
}
