"use server";

import { revalidatePath } from "next/cache";
import { requireContext } from "@/lib/auth/current-actor";
import { echoValues, runAction, type ActionResult } from "@/lib/http/action-result";
import { correctPersonRegister } from "@/lib/people/correct-person-register";

export async function correctRegisterAction(personId: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    await correctPersonRegister(await requireContext(), personId, {
      name: form.get("name"),
      divisionCode: form.get("divisionCode"),
      reason: form.get("reason"),
    });
    revalidatePath(`/people/${personId}`);
    return "登记信息已更正，并已记入审计日志。";
  });
  return result && !result.ok ? { ...result, values: echoValues(form, ["name", "divisionCode", "reason"]) } : result;
}
