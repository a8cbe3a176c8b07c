"use server";

import { revalidatePath } from "next/cache";
import { requireContext } from "@/lib/auth/current-actor";
import { computeSubsidies } from "@/lib/enrolment/compute-subsidies";
import { runAction, type ActionResult } from "@/lib/http/action-result";

export async function computeSubsidiesAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    const run = await computeSubsidies(await requireContext(), form.get("year"));
    const left = Object.values(run.notComputed).reduce((a, n) => a + (n ?? 0), 0);
    return `${run.year} 年度新计算资助 ${run.computed} 人${left > 0 ? `，${left} 人仍未计算（缴费当日无救助身份或无适用政策）` : ""}。已计算的资助不会重算或补差。`;
  });
  revalidatePath("/enrolment");
  return result;
}
