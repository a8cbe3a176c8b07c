import { z } from "zod";
import { DEPARTMENTS } from "@/lib/departments/departments";
import { isDivisionCode } from "@/lib/divisions/domain/division-code";
import { ROLES } from "@/lib/auth/domain/roles";

// Form and API input for user administration, with Chinese messages that name
// the field. Used by the admin pages' server actions.

const RESERVED_USERNAMES = new Set(["cli", "system", "root", "seed"]);

const username = z
  .string({ error: "请填写用户名" })
  .trim()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, "用户名为3–32位小写字母、数字或 . _ -，以字母开头")
  // Names the system itself shows in the audit log (the command line is "cli"): a person must not pass for it.
  .refine((u) => !RESERVED_USERNAMES.has(u), "该用户名为系统保留，请换一个");
const displayName = z.string({ error: "请填写姓名" }).trim().min(1, "请填写姓名").max(40, "姓名不超过40个字");
const department = z.enum(DEPARTMENTS, { error: "请选择所属部门" });
const role = z.enum(ROLES, { error: "请选择角色" });
const jurisdiction = z
  .string({ error: "请选择管辖区划" })
  .trim()
  .refine(isDivisionCode, "管辖区划应为12位行政区划代码");

export const createUserInput = z.object({
  username,
  displayName,
  department,
  role,
  jurisdiction,
  password: z.string({ error: "请填写初始密码" }),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.object({ displayName, department, role, jurisdiction });
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const FIELD_NAMES: Record<string, string> = {
  username: "用户名",
  displayName: "姓名",
  department: "所属部门",
  role: "角色",
  jurisdiction: "管辖区划",
  password: "密码",
};
