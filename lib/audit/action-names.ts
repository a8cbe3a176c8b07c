import { PERMISSIONS, isAction } from "@/lib/auth/permissions";

// Chinese names for audited actions that are not permission actions.
const EXTRA: Record<string, string> = {
  "auth.login": "登录",
  "system.seed": "初始化示范数据",
  "users.create": "创建用户",
  "users.update": "修改用户",
  "users.disable": "停用用户",
  "users.enable": "启用用户",
  "users.reset_password": "重置密码",
  "calendar.load_schedule": "导入节假日安排",
};

export function actionName(action: string): string {
  return EXTRA[action] ?? (isAction(action) ? PERMISSIONS[action].label : action);
}
