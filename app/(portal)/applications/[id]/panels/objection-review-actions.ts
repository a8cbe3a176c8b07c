"use server";

import { revalidatePath } from "next/cache";
import { requireContext } from "@/lib/auth/current-actor";
import { echoValues, runAction, type ActionResult } from "@/lib/http/action-result";
import { confirmAfterObjection } from "@/lib/notices/confirm-after-objection";
import { revokeAfterObjection } from "@/lib/notices/revoke-after-objection";

// 公示异议复核: the county reviewer's two decisions on a case whose notice
// objection the township upheld (lib/notices/*-after-objection.ts).

async function decide(id: string, form: FormData, run: () => Promise<string>): Promise<ActionResult> {
  const result = await runAction(run);
  if (result?.ok) revalidatePath(`/applications/${id}`);
  return result?.ok ? result : result && { ...result, values: echoValues(form, ["reason"]) };
}

export async function confirmAfterObjectionAction(id: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return decide(id, form, async () => {
    await confirmAfterObjection(await requireContext(), id, { version: form.get("version"), reason: form.get("reason") });
    return "已维持原审批，案件回到异议前的办理环节。";
  });
}

export async function revokeAfterObjectionAction(id: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return decide(id, form, async () => {
    await revokeAfterObjection(await requireContext(), id, { version: form.get("version"), reason: form.get("reason") });
    return "已撤销救助，案件转为不予救助。";
  });
}
