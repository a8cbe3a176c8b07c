import type { Department } from "@/lib/departments/departments";
import type { Role } from "@/lib/auth/domain/roles";
import { DEMO_COUNTY } from "./demo-divisions";

// One account per department × role the product uses. All share one password,
// listed in the README; a real deployment creates its own accounts and
// disables these. It meets the password policy (lib/auth/domain/password-policy.ts);
// the earlier one, "Portal#2026", is on its well-known list, and demo
// databases made with it are moved to this one at start (seed/demo-passwords.ts).
export const DEMO_PASSWORD = "Demo@Longhui-4827";
export const PREVIOUS_DEMO_PASSWORD = "Portal#2026";

export type DemoAccount = { username: string; displayName: string; department: Department; role: Role; jurisdiction: string };

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: "admin", displayName: "系统管理员", department: "medical_security", role: "admin", jurisdiction: DEMO_COUNTY },
  { username: "yibao.clerk", displayName: "周晓梅", department: "medical_security", role: "clerk", jurisdiction: DEMO_COUNTY },
  { username: "yibao.reviewer", displayName: "刘建国", department: "medical_security", role: "reviewer", jurisdiction: DEMO_COUNTY },
  { username: "yibao.manager", displayName: "陈志强", department: "medical_security", role: "manager", jurisdiction: DEMO_COUNTY },
  { username: "minzheng.clerk", displayName: "王丽娟", department: "civil_affairs", role: "clerk", jurisdiction: DEMO_COUNTY },
  { username: "xiangcun.clerk", displayName: "李海林", department: "rural_revitalization", role: "clerk", jurisdiction: DEMO_COUNTY },
  { username: "tuiyi.clerk", displayName: "赵德福", department: "veterans", role: "clerk", jurisdiction: DEMO_COUNTY },
  { username: "canlian.clerk", displayName: "孙秀英", department: "disability", role: "clerk", jurisdiction: DEMO_COUNTY },
  { username: "taohong.clerk", displayName: "罗春兰", department: "township", role: "clerk", jurisdiction: "430524100000" },
  { username: "taohong.publisher", displayName: "彭文华", department: "township", role: "publisher", jurisdiction: "430524100000" },
  // Three more township clerks, so the on-application demo (seed/applications.ts) spans four townships.
  { username: "xiaoshajiang.clerk", displayName: "曾德明", department: "township", role: "clerk", jurisdiction: "430524101000" },
  { username: "jinshiqiao.clerk", displayName: "肖桂芳", department: "township", role: "clerk", jurisdiction: "430524102000" },
  { username: "simenqian.clerk", displayName: "袁志勇", department: "township", role: "clerk", jurisdiction: "430524103000" },
  // A second township publisher, so the public notice page (seed/notices.ts) spans two townships.
  { username: "xiaoshajiang.publisher", displayName: "谭丽萍", department: "township", role: "publisher", jurisdiction: "430524101000" },
  { username: "caizheng.viewer", displayName: "蒋慧敏", department: "finance", role: "viewer", jurisdiction: DEMO_COUNTY },
  // The security auditor: reads and exports the audit log (every department's, as 医保 owns the system), nothing else.
  { username: "shenji.auditor", displayName: "黄雅琴", department: "medical_security", role: "auditor", jurisdiction: DEMO_COUNTY },
];
