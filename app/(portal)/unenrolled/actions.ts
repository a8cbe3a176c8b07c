"use server";

import { revalidatePath } from "next/cache";
import { requireContext } from "@/lib/auth/current-actor";
import { closeUnenrolledCase } from "@/lib/enrolment/close-unenrolled-case";
import { generateWorklist } from "@/lib/enrolment/generate-worklist";
import { reopenUnenrolledCase } from "@/lib/enrolment/reopen-unenrolled-case";
import { echoValues, runAction, type ActionResult } from "@/lib/http/action-result";

export async function closeCaseAction(caseId: number, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    await closeUnenrolledCase(await requireContext(), caseId, { reason: form.get("reason"), note: form.get("note") });
    return "已销号。";
  });
  if (result?.ok) revalidatePath("/unenrolled");
  return result?.ok ? result : result && { ...result, values: echoValues(form, ["reason", "note"]) };
}

export async function reopenCaseAction(caseId: number, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    await reopenUnenrolledCase(await requireContext(), caseId, { reason: form.get("reason") });
    return "已重新打开。";
  });
  if (result?.ok) revalidatePath("/unenrolled");
  return result?.ok ? result : result && { ...result, values: echoValues(form, ["reason"]) };
}

export async function generateWorklistAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    const run = await generateWorklist(await requireContext(), form.get("year"));
    return `${run.year} 年度未参保清单已更新：新增 ${run.opened} 人${run.closedAsEnrolled > 0 ? `，${run.closedAsEnrolled} 人已参保自动销号` : ""}。已销号的人员保持不变。`;
  });
  revalidatePath("/unenrolled");
  return result;
}
