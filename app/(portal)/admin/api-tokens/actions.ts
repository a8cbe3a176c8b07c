"use server";

import { revalidatePath } from "next/cache";
import { issueApiToken } from "@/lib/api-tokens/issue-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { requireContext } from "@/lib/auth/current-actor";
import { echoValues, runAction, type ActionResult } from "@/lib/http/action-result";

/** A new token is handed back once, in this result only; it is never stored or shown again. */
export type IssueResult = ActionResult | { ok: true; token: string; prefix: string };

export async function issueTokenAction(_prev: IssueResult, form: FormData): Promise<IssueResult> {
  let issued: { token: string; prefix: string } | undefined;
  const result = await runAction(async () => {
    issued = await issueApiToken(await requireContext(), {
      name: form.get("name") ?? undefined,
      userId: form.get("userId") ?? undefined,
      actions: form.getAll("actions").map(String),
    });
  });
  revalidatePath("/admin/api-tokens");
  if (result?.ok && issued) return { ok: true, token: issued.token, prefix: issued.prefix };
  return result && !result.ok ? { ...result, values: echoValues(form, ["name", "userId"]) } : result;
}

export async function revokeTokenAction(tokenId: number, _prev: ActionResult): Promise<ActionResult> {
  const result = await runAction(async () => {
    await revokeApiToken(await requireContext(), tokenId);
    return "令牌已吊销，使用它的调用立即被拒绝。";
  });
  revalidatePath("/admin/api-tokens");
  return result;
}
