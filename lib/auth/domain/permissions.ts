import { ROSTER_DEPARTMENTS, type Department } from "@/lib/departments/departments";
import type { Role } from "./roles";

// The permission matrix as data: action → the (department × role) pairs that
// may perform it. Server code checks it with requirePermission(); the UI asks
// the same `can()` only to hide what the server already refuses. Jurisdiction
// (which people and divisions) is a separate, second check in every query.
//
// Separation of duties, on purpose: the system administrator manages accounts,
// divisions, policies and the calendar but holds no permission over people's
// data; whoever sends a roster does not consolidate it.

export type Grant = { departments: readonly Department[] | "any"; roles: readonly Role[] };

const ALL_ROSTER_DEPTS = ROSTER_DEPARTMENTS;
const YIBAO = ["medical_security"] as const;

export const PERMISSIONS = {
  "people.view": {
    label: "查看人员信息（脱敏）",
    grants: [
      { departments: YIBAO, roles: ["clerk", "reviewer", "manager"] },
      { departments: ALL_ROSTER_DEPTS, roles: ["clerk", "manager"] },
      { departments: ["township"], roles: ["clerk", "manager"] },
    ],
  },
  "people.reveal_id": {
    label: "查看完整身份证号（留痕）",
    grants: [{ departments: YIBAO, roles: ["reviewer", "manager"] }],
  },
  "people.correct_register": {
    label: "更正人员登记信息（姓名、所在村，留痕）",
    // 医保 owns the register: a certifying department's roster cannot rename or move a person.
    grants: [{ departments: YIBAO, roles: ["reviewer", "manager"] }],
  },
  "rosters.upload": {
    label: "报送本部门月度名单",
    grants: [{ departments: ALL_ROSTER_DEPTS, roles: ["clerk"] }],
  },
  "rosters.view": {
    label: "查看名单与报送情况",
    grants: [
      { departments: ALL_ROSTER_DEPTS, roles: ["clerk", "manager"] },
      { departments: YIBAO, roles: ["clerk", "reviewer", "manager"] },
    ],
  },
  "rosters.consolidate": {
    label: "汇总比对名单、确定救助类别",
    grants: [{ departments: YIBAO, roles: ["clerk"] }],
  },
  "enrolment.manage": {
    label: "参保台账与资助参保",
    grants: [{ departments: YIBAO, roles: ["clerk"] }],
  },
  "enrolment.work": {
    label: "未参保人员销号",
    grants: [
      { departments: YIBAO, roles: ["clerk"] },
      { departments: ["township"], roles: ["clerk"] },
    ],
  },
  "claims.view": {
    label: "查看结算记录与计算过程",
    // Medical information is sensitive (PIPL §28): need-to-know only. 医保
    // settles the claims and sees them within its jurisdiction. A township
    // clerk will see the claims of people who applied through that township
    // (依申请救助), but applications do not exist yet, so today townships get
    // none. Certifying departments (民政, 乡村振兴, 退役军人事务, 残联) decide
    // categories, not medical treatment: no claims at all (at most, later,
    // monitoring flags of their own categories).
    grants: [{ departments: YIBAO, roles: ["clerk", "reviewer", "manager"] }],
  },
  "claims.import": {
    label: "导入结算记录",
    grants: [{ departments: YIBAO, roles: ["clerk"] }],
  },
  "claims.resettle": {
    label: "重新结算（政策或类别更正后）",
    grants: [{ departments: YIBAO, roles: ["reviewer", "manager"] }],
  },
  "settlement.trial": {
    label: "救助试算",
    grants: [
      { departments: YIBAO, roles: ["clerk", "reviewer", "manager"] },
      { departments: ["township"], roles: ["clerk"] },
    ],
  },
  "policies.view": {
    label: "查看救助政策",
    grants: [
      { departments: YIBAO, roles: ["clerk", "reviewer", "manager", "admin"] },
      { departments: ["finance"], roles: ["viewer"] },
    ],
  },
  "policies.edit": {
    label: "编辑、启用政策版本",
    grants: [
      { departments: YIBAO, roles: ["admin", "manager"] },
    ],
  },
  "calendar.manage": {
    label: "维护工作日历",
    grants: [{ departments: "any", roles: ["admin"] }],
  },
  "users.manage": {
    label: "用户管理",
    grants: [{ departments: "any", roles: ["admin"] }],
  },
  "divisions.view": {
    label: "浏览行政区划",
    grants: [
      { departments: "any", roles: ["admin"] },
      { departments: YIBAO, roles: ["manager"] },
    ],
  },
  // 依申请救助 (docs/policy.md §6). The workflow's own post check (lib/applications/domain/workflow-roles.ts)
  // runs after these: the matrix says who may touch applications at all, the machine who may make which step.
  "applications.view": {
    label: "查看依申请救助案件",
    grants: [
      { departments: ["township"], roles: ["clerk"] },
      { departments: YIBAO, roles: ["clerk", "reviewer", "manager"] },
    ],
  },
  "applications.intake": {
    label: "受理、入户调查、报送或退回依申请救助",
    grants: [{ departments: ["township"], roles: ["clerk"] }],
  },
  "applications.audit": {
    label: "县级审核依申请救助（核定金额、不予救助）",
    grants: [{ departments: YIBAO, roles: ["reviewer", "manager"] }],
  },
  "applications.override": {
    label: "调整核定救助金额（须说明理由）",
    grants: [{ departments: YIBAO, roles: ["manager"] }],
  },
  "applications.pay": {
    label: "支付批次与银行回单",
    // Not the reviewer: whoever approves an amount does not pay it.
    grants: [{ departments: YIBAO, roles: ["clerk"] }],
  },
  "applications.reveal_contact": {
    label: "查看完整联系电话和银行账号（留痕）",
    grants: [
      { departments: ["township"], roles: ["clerk"] },
      { departments: YIBAO, roles: ["clerk", "reviewer", "manager"] },
    ],
  },
  // 季度公示 (docs/policy.md §7): the township publishes its villages' notices and handles the
  // objections; the county reads them (an upheld objection comes back to its reviewers).
  "notices.manage": {
    label: "起草、发布季度公示（含更正公示）",
    grants: [{ departments: ["township"], roles: ["publisher", "manager"] }],
  },
  "notices.objection": {
    label: "登记、处理公示期内的异议",
    grants: [{ departments: ["township"], roles: ["publisher", "manager"] }],
  },
  "notices.view": {
    label: "查看季度公示与公示档案",
    grants: [
      { departments: ["township"], roles: ["publisher", "manager"] },
      { departments: YIBAO, roles: ["clerk", "reviewer", "manager"] },
    ],
  },
  "stats.view": {
    label: "查看统计分析（汇总数字，不含个人信息）",
    // Counts and sums only. 财政 follows the funds; certifying departments see
    // how their people are covered; townships see their own figures.
    grants: [
      { departments: YIBAO, roles: ["clerk", "reviewer", "manager"] },
      { departments: ALL_ROSTER_DEPTS, roles: ["manager"] },
      { departments: ["township"], roles: ["clerk", "manager"] },
      { departments: ["finance"], roles: ["viewer"] },
    ],
  },
  "monitoring.run": {
    label: "运行因病返贫致贫监测（生成预警）",
    grants: [{ departments: YIBAO, roles: ["clerk", "manager"] }],
  },
  "monitoring.view": {
    label: "查看因病返贫致贫监测预警",
    // docs/policy.md §5: a flag is pushed to 民政 and 乡村振兴 for review; 医保
    // staff settle the claims behind it; the township clerk takes the
    // on-application case (主动发现). Each sees the flags of their jurisdiction.
    grants: [
      { departments: YIBAO, roles: ["clerk", "reviewer", "manager"] },
      { departments: ["civil_affairs", "rural_revitalization"], roles: ["clerk", "manager"] },
      { departments: ["township"], roles: ["clerk"] },
    ],
  },
  "monitoring.handle": {
    label: "处理监测预警（记录结果：已救助、转依申请、纳入类别、排除）",
    grants: [
      { departments: YIBAO, roles: ["clerk", "reviewer"] },
      { departments: ["civil_affairs", "rural_revitalization"], roles: ["clerk"] },
      { departments: ["township"], roles: ["clerk"] },
    ],
  },
  "audit.view": {
    label: "查看审计日志",
    grants: [{ departments: "any", roles: ["admin", "manager", "auditor"] }],
  },
  "audit.export": {
    label: "导出审计日志（含哈希链）",
    // The security auditor alone (等保 三权分立): whoever administers the system does not carry its log away.
    grants: [{ departments: "any", roles: ["auditor"] }],
  },
} as const satisfies Record<string, { label: string; grants: readonly Grant[] }>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export function isAction(value: string): value is Action {
  return Object.hasOwn(PERMISSIONS, value);
}
