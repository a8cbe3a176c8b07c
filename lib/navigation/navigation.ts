import type { Action } from "@/lib/auth/domain/permissions";
import { can, type RoleHolder } from "@/lib/auth/domain/can";

// The portal's navigation. An entry shows only when the user holds its action;
// the page behind it checks the same action on the server.
export type NavItem = { href: string; label: string; action: Action | null; group: string };

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "工作台", action: null, group: "工作" },
  { href: "/people", label: "救助对象", action: "people.view", group: "工作" },
  { href: "/applications", label: "依申请救助", action: "applications.view", group: "工作" },
  { href: "/monitoring", label: "监测预警", action: "monitoring.view", group: "工作" },
  { href: "/notices", label: "公示管理", action: "notices.view", group: "工作" },
  { href: "/stats", label: "统计分析", action: "stats.view", group: "工作" },
  { href: "/applications/batches", label: "支付批次", action: "applications.pay", group: "工作" },
  { href: "/rosters/upload", label: "名单报送", action: "rosters.upload", group: "工作" },
  { href: "/rosters", label: "报送情况", action: "rosters.view", group: "工作" },
  { href: "/rosters/consolidate", label: "汇总比对", action: "rosters.consolidate", group: "工作" },
  { href: "/enrolment", label: "参保台账", action: "enrolment.manage", group: "工作" },
  { href: "/unenrolled", label: "未参保销号", action: "enrolment.work", group: "工作" },
  { href: "/claims/import", label: "导入结算记录", action: "claims.import", group: "工作" },
  { href: "/claims/resettle", label: "重新结算", action: "claims.resettle", group: "工作" },
  { href: "/trial", label: "救助试算", action: "settlement.trial", group: "工作" },
  { href: "/policies", label: "政策管理", action: "policies.view", group: "工作" },
  { href: "/admin/users", label: "用户管理", action: "users.manage", group: "系统管理" },
  { href: "/admin/api-tokens", label: "接口令牌", action: "users.manage", group: "系统管理" },
  { href: "/admin/divisions", label: "行政区划", action: "divisions.view", group: "系统管理" },
  { href: "/admin/calendar", label: "工作日历", action: "calendar.manage", group: "系统管理" },
  { href: "/audit", label: "审计日志", action: "audit.view", group: "系统管理" },
];

export function navigationFor(user: RoleHolder): NavItem[] {
  return NAV_ITEMS.filter((item) => item.action === null || can(user, item.action));
}
