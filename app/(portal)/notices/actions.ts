"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireContext } from "@/lib/auth/current-actor";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { draftQuarterNotices } from "@/lib/notices/draft-quarter-notices";
import { editNoticeHeader } from "@/lib/notices/edit-notice-header";
import { handleObjection } from "@/lib/notices/handle-objection";
import { issueCorrection } from "@/lib/notices/issue-correction";
import { publishNotice } from "@/lib/notices/publish-notice";
import { recordObjection } from "@/lib/notices/record-objection";

const fields = (form: FormData) => Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));

export async function draftAction(year: number, quarter: number, _prev: ActionResult): Promise<ActionResult> {
  return runAction(async () => {
    const r = await draftQuarterNotices(await requireContext(), { year, quarter });
    revalidatePath("/notices");
    return r.message;
  });
}

export async function editHeaderAction(id: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await editNoticeHeader(await requireContext(), id, fields(form));
    revalidatePath(`/notices/${id}`);
    return "公示抬头已保存";
  });
}

export async function publishAction(id: string, version: number, _prev: ActionResult): Promise<ActionResult> {
  return runAction(async () => {
    const r = await publishNotice(await requireContext(), id, { version });
    revalidatePath(`/notices/${id}`);
    return `已发布，公示期 ${r.windowStart} 至 ${r.windowEnd}`;
  });
}

export async function correctionAction(id: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  let newId = "";
  const r = await runAction(async () => {
    newId = (await issueCorrection(await requireContext(), id, { reason: form.get("reason") })).id;
  });
  if (r?.ok) redirect(`/notices/${newId}`);
  return r;
}

export async function recordObjectionAction(id: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await recordObjection(await requireContext(), id, fields(form));
    revalidatePath(`/notices/${id}`);
    return "异议已登记";
  });
}

export async function handleObjectionAction(noticeId: string, objectionId: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const r = await handleObjection(await requireContext(), objectionId, fields(form));
    revalidatePath(`/notices/${noticeId}`);
    return r.outcome === "upheld" ? "异议成立，案件已退回县级复核（公示异议复核）" : "已登记异议不成立";
  });
}
