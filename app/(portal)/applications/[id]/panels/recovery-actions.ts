"use server";

import { revalidatePath } from "next/cache";
import { recordRecoveryReceived } from "@/lib/applications/payments/record-recovery-received";
import { requireContext } from "@/lib/auth/current-actor";
import { echoValues, runAction, type ActionResult } from "@/lib/http/action-result";

export async function recoveryReceivedAction(id: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    const r = await recordRecoveryReceived(await requireContext(), id, { recoveredOn: form.get("recoveredOn"), reference: form.get("reference") });
    return `已登记追回到账：${r.amount} 元，${r.recoveredOn}，流水号 ${r.reference}。`;
  });
  if (result?.ok) revalidatePath(`/applications/${id}`);
  return result?.ok ? result : result && { ...result, values: echoValues(form, ["recoveredOn", "reference"]) };
}
