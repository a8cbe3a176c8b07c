"use server";

import { revalidatePath } from "next/cache";
import { beginTownshipReview } from "@/lib/applications/begin-township-review";
import { forwardApplication } from "@/lib/applications/forward-application";
import { recordHouseholdSurvey } from "@/lib/applications/record-household-survey";
import { refuseApplication } from "@/lib/applications/refuse-application";
import { returnApplication } from "@/lib/applications/return-application";
import { requireContext } from "@/lib/auth/current-actor";
import { echoValues, runAction, type ActionResult } from "@/lib/http/action-result";

// The township's steps on the case page. Each action calls its one use case
// with the version the page showed (a case changed meanwhile is refused with
// 请刷新), then the page re-renders with the new state.

async function step(id: string, form: FormData, fields: string[], run: () => Promise<string>): Promise<ActionResult> {
  const result = await runAction(run);
  if (result?.ok) {
    revalidatePath(`/applications/${id}`);
    return result;
  }
  return result && { ...result, values: echoValues(form, fields) };
}

export async function beginReviewAction(id: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return step(id, form, [], async () => {
    await beginTownshipReview(await requireContext(), id, { version: form.get("version") });
    return "已开始乡镇审核。";
  });
}

export async function surveyAction(id: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  const fields = ["surveyedOn", "visitors", "findings", "householdSituation"];
  return step(id, form, fields, async () => {
    await recordHouseholdSurvey(await requireContext(), id, {
      version: form.get("version"),
      surveyedOn: form.get("surveyedOn"),
      visitors: form.get("visitors"),
      findings: form.get("findings"),
      householdSituation: form.get("householdSituation"),
    });
    return "入户调查记录已保存。";
  });
}

export async function forwardAction(id: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return step(id, form, [], async () => {
    const r = await forwardApplication(await requireContext(), id, { version: form.get("version") });
    return `已报送县级医保部门，县级审核应于 ${r.dueOn} 前完成。`;
  });
}

export async function returnAction(id: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return step(id, form, ["note"], async () => {
    await returnApplication(await requireContext(), id, { version: form.get("version"), note: form.get("note") });
    return "已退回申请人补正材料，乡镇审核时限暂停。";
  });
}

export async function refuseAction(id: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return step(id, form, ["reason"], async () => {
    await refuseApplication(await requireContext(), id, { version: form.get("version"), reason: form.get("reason") });
    return "已作出不予救助决定。";
  });
}
