import { ACTION_NAMES as APPLICATION_ACTION_NAMES } from "@/lib/applications/domain/states";
import { PERMISSIONS, isAction } from "@/lib/auth/domain/permissions";

// Chinese names for audited actions that are not permission actions.
// Reads are audited under their permission's name: "people.view" (查看人员信息)
// and "claims.view" (查看结算记录与计算过程) say who looked at whom, and when.
const EXTRA: Record<string, string> = {
  "auth.login": "登录",
  "auth.lock": "账号因登录失败锁定",
  "auth.unlock": "解除登录锁定",
  "auth.throttle": "同一地址登录失败过多，暂停登录",
  "auth.password_change": "修改本人密码",
  "auth.second_factor": "登录第二步：动态验证码或恢复码",
  "auth.totp_enable": "启用双因素鉴别（动态验证码）",
  "auth.totp_disable": "停用双因素鉴别",
  "auth.recovery_codes": "重新生成恢复码",
  "users.reset_second_factor": "重置用户的双因素鉴别",
  "system.demo_password": "演示账号改用新演示密码",
  "system.seed": "初始化示范数据",
  "users.create": "创建用户",
  "users.update": "修改用户",
  "users.disable": "停用用户",
  "users.enable": "启用用户",
  "users.reset_password": "重置密码",
  "calendar.load_schedule": "导入节假日安排",
  "keys.rotate": "轮换数据加密密钥（重新加密）",
  "policies.copy": "复制政策为新版本",
  "policies.edit_draft": "修改政策草稿",
  "policies.activate": "启用政策版本",
  "policies.simulate": "政策测算（草案与现行版本对比）",
  "policies.simulate_export": "导出政策测算结果",
  "api_tokens.issue": "签发接口令牌",
  "api_tokens.revoke": "吊销接口令牌",
  "api.settlement": "接口调用：三重制度结算",
  "api.subsidy": "接口调用：资助参保计算",
  "rosters.export": "导出汇总比对名单",
  "enrolment.import": "导入参保缴费数据",
  "enrolment.subsidies": "计算资助参保",
  "enrolment.worklist": "生成未参保清单",
  "enrolment.close_case": "未参保人员销号",
  "enrolment.reopen_case": "未参保人员撤销销号（重新打开）",
  "enrolment.export_ledger": "导出参保台账",
  "enrolment.export_worklist": "导出未参保清单",
  "claims.export": "导出结算记录（含计算过程）",
  "claims.correct": "更正结算记录（同一结算流水号重新导入，原记录作废留档）",
  "applications.accept": "受理依申请救助",
  "applications.record_survey": "依申请救助：登记入户调查",
  "applications.attachment_upload": "依申请救助：上传申请材料附件",
  "applications.attachment_download": "依申请救助：下载申请材料附件",
  "applications.print_form": "依申请救助：打印审批表、调查记录或告知书",
  "applications.print_batch": "打印支付批次清单",
  "applications.create_batch": "编制支付批次",
  "applications.export_batch": "导出代发文件（含完整银行账号）",
  "applications.confirm_batch": "登记银行回单（确认支付）",
  "applications.fail_batch_line": "登记银行退回（支付失败）",
  "applications.remove_batch_line": "移出支付批次明细",
  "applications.cancel_batch": "作废支付批次",
  "applications.recovery_opened": "依申请救助：撤销救助后登记应追回的救助金",
  "applications.recovery_received": "依申请救助：登记追回款到账",
  "applications.record_notice": "依申请救助：登记不予救助告知情况",
  "applications.set_claims": "依申请救助：勾选纳入救助的结算记录",
  "applications.add_receipt": "依申请救助：录入手工票据",
  "applications.remove_receipt": "依申请救助：删除手工票据",
  "applications.export_timeliness": "导出依申请救助办理时效",
  "applications.update_document": "依申请救助：更新申请材料清单",
  // Each workflow step under its own name: applications.forward → 依申请救助：报送县级.
  "monitoring.run": "运行因病返贫致贫监测",
  "stats.export": "导出统计分析数据表",
  "stats.export_report": "导出统计报表（月报、季报、年度汇总）",
  "monitoring.outcome": "监测预警：记录处理结果",
  "notices.draft": "起草季度公示",
  "notices.edit_header": "修改公示抬头（发布单位、电话、异议方式）",
  "notices.publish": "发布季度公示",
  "notices.correct": "起草更正公示",
  "notices.record_objection": "登记公示异议",
  "notices.handle_objection": "处理公示异议",
  ...Object.fromEntries(Object.entries(APPLICATION_ACTION_NAMES).map(([a, name]) => [`applications.${a}`, `依申请救助：${name}`])),
};

export function actionName(action: string): string {
  return EXTRA[action] ?? (isAction(action) ? PERMISSIONS[action].label : action);
}

/** Every audited action with a Chinese name, by name (the page's list to pick from). */
export function namedActions(): { code: string; name: string }[] {
  const codes = new Set([...Object.keys(EXTRA), ...Object.keys(PERMISSIONS)]);
  return [...codes].map((code) => ({ code, name: actionName(code) })).sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
}

/**
 * What the action filter means: text of lower-case letters, dots and
 * underscores is a code prefix (`users.`); anything else is part of a Chinese
 * name (`导出` matches every export), given as the codes whose name holds it.
 */
export function actionFilter(text: string): { prefix: string } | { codes: string[] } {
  const t = text.trim();
  if (/^[a-z_.]+$/.test(t)) return { prefix: t };
  return { codes: namedActions().filter((a) => a.name.includes(t)).map((a) => a.code) };
}
