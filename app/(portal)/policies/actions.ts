"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireContext } from "@/lib/auth/current-actor";
import { echoValues, runAction, type ActionResult } from "@/lib/http/action-result";
import { activatePolicyVersion } from "@/lib/policies/activate-policy-version";
import { copyPolicyVersion } from "@/lib/policies/copy-policy-version";
import { savePolicyDraft } from "@/lib/policies/save-policy-draft";

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
};
const versionPath = (policyId: string, version: number | string) => `/policies/${encodeURIComponent(policyId)}/${version}`;

export async function copyVersionAction(policyId: string, version: number, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  let created: { policyId: string; version: number } | undefined;
  const result = await runAction(async () => {
    created = await copyPolicyVersion(await requireContext(), { policyId, version }, {
      targetPolicyId: text(form, "targetPolicyId"),
      name: text(form, "name"),
      note: text(form, "note"),
    });
  });
  if (!result || result.ok) {
    revalidatePath("/policies");
    if (created) redirect(`${versionPath(created.policyId, created.version)}/edit?copied=1`);
    return result;
  }
  return { ...result, values: echoValues(form, ["targetPolicyId", "name", "note"]) };
}

export async function saveDraftAction(policyId: string, version: number, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    const saved = await savePolicyDraft(await requireContext(), { policyId, version }, { json: text(form, "json"), note: text(form, "note") });
    return saved.changed ? "草稿已保存。核对无误后，可在版本页面“启用”。" : "内容没有变化，未作修改。";
  });
  revalidatePath(versionPath(policyId, version));
  return result;
}

export async function activateVersionAction(policyId: string, version: number, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    const activeFrom = text(form, "activeFrom");
    const done = await activatePolicyVersion(await requireContext(), { policyId, version }, { activeFrom });
    const closed = done.closed.map((c) => `第 ${c.version} 版的有效期截至 ${c.effectiveTo}`).join("；");
    return `已启用：本辖区自 ${activeFrom} 起的就医按本版本结算${closed ? `；${closed}` : ""}。`;
  });
  revalidatePath("/policies");
  revalidatePath(versionPath(policyId, version));
  return result?.ok ? result : result && { ...result, values: echoValues(form, ["activeFrom"]) };
}
