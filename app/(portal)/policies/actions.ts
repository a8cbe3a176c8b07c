"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireContext } from "@/lib/auth/current-actor";
import { echoValues, runAction, type ActionResult } from "@/lib/http/action-result";
import { activatePolicyVersion, OverlapConfirmationRequired } from "@/lib/policies/activate-policy-version";
import { copyPolicyVersion } from "@/lib/policies/copy-policy-version";
import { DraftInvalidError, savePolicyDraft } from "@/lib/policies/save-policy-draft";
import type { ActivateResult, DraftSaveResult } from "./action-results";

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

/** The editor posts the whole record as JSON (`json`); a refusal answers each problem by field, in Chinese. */
export async function saveDraftAction(policyId: string, version: number, _prev: DraftSaveResult, form: FormData): Promise<DraftSaveResult> {
  let issues: DraftSaveResult = null;
  const result = await runAction(async () => {
    try {
      const saved = await savePolicyDraft(await requireContext(), { policyId, version }, { json: text(form, "json"), note: text(form, "note") });
      return saved.changed ? "草稿已保存。核对无误后，可在版本页面“启用”。" : "内容没有变化，未作修改。";
    } catch (err) {
      if (err instanceof DraftInvalidError) issues = { ok: false, message: `有 ${err.issues.length} 处填写有误，未保存任何修改。请按各栏下的红字改正后再保存。`, issues: err.issues };
      else throw err;
    }
  });
  revalidatePath(versionPath(policyId, version));
  return issues ?? result;
}

/**
 * 启用. When the activation would shorten published versions, the first
 * submit answers with the explanation and its key; the manager's 确认启用
 * posts the key back (`confirmOverlap`) and the server activates only if the
 * plan is still the one confirmed.
 */
export async function activateVersionAction(policyId: string, version: number, _prev: ActivateResult, form: FormData): Promise<ActivateResult> {
  let confirm: ActivateResult = null;
  const result = await runAction(async () => {
    const activeFrom = text(form, "activeFrom");
    const confirmOverlap = text(form, "confirmOverlap") || undefined;
    try {
      const done = await activatePolicyVersion(await requireContext(), { policyId, version }, { activeFrom, confirmOverlap });
      const closed = done.closed.map((c) => `第 ${c.version} 版的有效期截至 ${c.effectiveTo}`).join("；");
      return `已启用：本辖区自 ${activeFrom} 起的就医按本版本结算${closed ? `；${closed}` : ""}。`;
    } catch (err) {
      if (!(err instanceof OverlapConfirmationRequired)) throw err;
      confirm = { ok: false, message: err.message, confirm: { explanation: err.explanation, key: err.key }, values: echoValues(form, ["activeFrom"]) };
    }
  });
  revalidatePath("/policies");
  revalidatePath(versionPath(policyId, version));
  if (confirm) return confirm;
  return result?.ok ? result : result && { ...result, values: echoValues(form, ["activeFrom"]) };
}
