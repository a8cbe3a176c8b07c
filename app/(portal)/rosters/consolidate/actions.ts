"use server";

import { redirect } from "next/navigation";
import { requireContext } from "@/lib/auth/current-actor";
import { ValidationError } from "@/lib/errors/app-error";
import { echoValues, runAction, type ActionResult } from "@/lib/http/action-result";
import { consolidateMonth } from "@/lib/rosters/consolidate-month";

export async function consolidateAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const month = String(form.get("month") ?? "").trim();
  const result = await runAction(async () => {
    if (!month) throw new ValidationError("month", "请选择要汇总比对的名单月份");
    await consolidateMonth(await requireContext(), month);
  });
  if (result?.ok) redirect(`/rosters/consolidate/${month}?ran=1`);
  return result && { ...result, values: echoValues(form, ["month"]) };
}
