"use server";

import { revalidatePath } from "next/cache";
import { correctBankDetails } from "@/lib/applications/payments/correct-bank-details";
import { recordRefusalNotice } from "@/lib/applications/record-refusal-notice";
import { revealApplicationContact } from "@/lib/applications/reveal-application-contact";
import { requireContext } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors/app-error";
import { echoValues, runAction, type ActionResult } from "@/lib/http/action-result";

export async function correctBankAction(id: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    await correctBankDetails(await requireContext(), id, { version: form.get("version"), bankHolder: form.get("bankHolder"), bankName: form.get("bankName"), bankAccount: form.get("bankAccount") });
    return "银行账户已更正，案件重新进入待支付，等待编入下一支付批次。";
  });
  if (result?.ok) revalidatePath(`/applications/${id}`);
  // The account number is not echoed back: it is retyped rather than carried in the response.
  return result?.ok ? result : result && { ...result, values: echoValues(form, ["bankHolder", "bankName"]) };
}

export async function refusalNoticeAction(id: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    const r = await recordRefusalNotice(await requireContext(), id, { version: form.get("version"), notifiedOn: form.get("notifiedOn"), channel: form.get("channel") });
    return `已登记：${r.notifiedOn} ${r.channelName}告知申请人。`;
  });
  if (result?.ok) revalidatePath(`/applications/${id}`);
  return result?.ok ? result : result && { ...result, values: echoValues(form, ["notifiedOn", "channel"]) };
}

export type RevealResult = { ok: true; text: string } | { ok: false; message: string };

/** The full value for the screen only (never in a URL); every call is audited by the use case. */
export async function revealContactAction(id: string, field: "phone" | "bank"): Promise<RevealResult> {
  try {
    const r = await revealApplicationContact(await requireContext(), id, field);
    if ("phone" in r) return { ok: true, text: r.phone ?? "未登记" };
    return { ok: true, text: r.bankAccount ? `${r.bankHolder ?? ""} ${r.bankAccount.replace(/(\d{4})(?=\d)/g, "$1 ")}` : "未登记" };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, message: err.message };
    throw err;
  }
}
