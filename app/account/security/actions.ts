"use server";

import { revalidatePath } from "next/cache";
import { requireSecurityContext } from "@/lib/auth/current-actor";
import { disableSecondFactor } from "@/lib/auth/disable-second-factor";
import { confirmSecondFactorEnrolment, startSecondFactorEnrolment } from "@/lib/auth/enrol-second-factor";
import { signOut } from "@/lib/auth/next-auth";
import { regenerateRecoveryCodes } from "@/lib/auth/regenerate-recovery-codes";
import { AppError } from "@/lib/errors/app-error";

/** A form's answer: the recovery codes to show once, or the refusal with its field. */
export type SecurityState = { ok: true; codes?: string[]; message?: string } | { ok: false; message: string; field?: string } | null;

async function run(fn: () => Promise<SecurityState>): Promise<SecurityState> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError) return { ok: false, message: err.message, field: err.field };
    throw err;
  }
}

export async function startEnrolmentAction(_prev: SecurityState): Promise<SecurityState> {
  const { ctx } = await requireSecurityContext();
  return run(async () => {
    await startSecondFactorEnrolment(ctx);
    revalidatePath("/account/security");
    return { ok: true };
  });
}

export async function confirmEnrolmentAction(_prev: SecurityState, form: FormData): Promise<SecurityState> {
  const { ctx } = await requireSecurityContext();
  return run(async () => ({ ok: true, codes: await confirmSecondFactorEnrolment(ctx, form.get("code")) }));
}

export async function regenerateCodesAction(_prev: SecurityState, form: FormData): Promise<SecurityState> {
  const { ctx } = await requireSecurityContext();
  return run(async () => ({ ok: true, codes: await regenerateRecoveryCodes(ctx, form.get("code")) }));
}

export async function disableAction(_prev: SecurityState, form: FormData): Promise<SecurityState> {
  const { ctx } = await requireSecurityContext();
  return run(async () => {
    await disableSecondFactor(ctx, { code: form.get("code"), password: form.get("password") });
    revalidatePath("/account/security");
    return { ok: true, message: "已停用双因素鉴别，密钥和恢复码已删除。" };
  });
}

export async function logoutFromSecurityPage() {
  await signOut({ redirectTo: "/login" });
}
