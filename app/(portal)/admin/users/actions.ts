"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireContext } from "@/lib/auth/current-actor";
import { resetSecondFactor } from "@/lib/auth/reset-second-factor";
import { echoValues, runAction, type ActionResult } from "@/lib/http/action-result";
import { createUser } from "@/lib/users/create-user";
import { resetPassword } from "@/lib/users/reset-password";
import { setUserStatus } from "@/lib/users/set-user-status";
import { unlockUser } from "@/lib/users/unlock-user";
import { updateUser } from "@/lib/users/update-user";

const fields = (form: FormData, names: string[]) => Object.fromEntries(names.map((n) => [n, form.get(n) ?? undefined]));

export async function createUserAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  let id = "";
  const result = await runAction(async () => {
    ({ id } = await createUser(await requireContext(), fields(form, ["username", "displayName", "department", "role", "jurisdiction", "password"])));
  });
  if (result?.ok) redirect(`/admin/users/${id}?created=1`);
  return result && { ...result, values: echoValues(form, ["username", "displayName", "department", "role", "jurisdiction"]) };
}

export async function updateUserAction(userId: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    await updateUser(await requireContext(), userId, fields(form, ["displayName", "department", "role", "jurisdiction"]));
    return "已保存。如修改了部门、角色或管辖区划，该用户需重新登录。";
  });
  revalidatePath(`/admin/users/${userId}`);
  return result?.ok ? result : result && { ...result, values: echoValues(form, ["displayName", "department", "role", "jurisdiction"]) };
}

export async function setStatusAction(userId: string, status: "active" | "disabled", _prev: ActionResult): Promise<ActionResult> {
  const result = await runAction(async () => {
    await setUserStatus(await requireContext(), userId, status);
    return status === "disabled" ? "账号已停用，该用户已被强制退出。" : "账号已启用。";
  });
  revalidatePath(`/admin/users/${userId}`);
  return result;
}

export async function resetPasswordAction(userId: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await resetPassword(await requireContext(), userId, form.get("password"));
    return "密码已重置，该用户已被强制退出。请把新密码当面告知本人；本人下次登录时须先改为自己的密码。";
  });
}

export async function unlockAction(userId: string, _prev: ActionResult): Promise<ActionResult> {
  const result = await runAction(async () => {
    await unlockUser(await requireContext(), userId);
    return "账号已解锁，该用户可以重新登录。";
  });
  revalidatePath(`/admin/users/${userId}`);
  return result;
}

export async function resetSecondFactorAction(userId: string, _prev: ActionResult): Promise<ActionResult> {
  const result = await runAction(async () => {
    await resetSecondFactor(await requireContext(), userId);
    return "已重置该用户的双因素鉴别（密钥和恢复码已删除），该用户已被强制退出。如该用户是系统管理员，下次登录时须重新设置。";
  });
  revalidatePath(`/admin/users/${userId}`);
  return result;
}
