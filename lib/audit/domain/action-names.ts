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
  "applications.record_notice": "依申请救助：登记不予救助告知情况",
  // Each workflow step under its own name: applications.forward → 依申请救助：报送县级.
  ...Object.fromEntries(Object.entries(APPLICATION_ACTION_NAMES).map(([a, name]) => [`applications.${a}`, `依申请救助：${name}`])),
};

export function actionName(action: string): string {
  return EXTRA[action] ?? (isAction(action) ? PERMISSIONS[action].label : action);
}
