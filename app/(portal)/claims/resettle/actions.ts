"use server";

import { redirect } from "next/navigation";
import { requireContext } from "@/lib/auth/current-actor";
import { applyResettle } from "@/lib/claims/apply-resettle";
import { echoValues, runAction, type ActionResult } from "@/lib/http/action-result";

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" && v !== "" ? v : undefined;
};

export async function applyResettleAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const input = { year: text(form, "year"), personId: text(form, "person"), reason: text(form, "reason"), fingerprint: text(form, "fingerprint") };
  let changed = 0;
  const result = await runAction(async () => {
    ({ changed } = await applyResettle(await requireContext(), input));
  });
  if (!result?.ok) return result && { ...result, values: echoValues(form, ["reason"]) };
  const q = new URLSearchParams({ year: input.year ?? "", applied: String(changed) });
  if (input.personId) q.set("person", input.personId);
  redirect(`/claims/resettle?${q.toString()}`);
}
