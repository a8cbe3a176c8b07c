"use server";

import { revalidatePath } from "next/cache";
import { requireContext } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors/app-error";
import type { ActionResult } from "@/lib/http/action-result";
import { recordFlagOutcome } from "@/lib/monitoring/record-flag-outcome";

export async function recordOutcomeAction(flagId: number, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  const reason = String(form.get("reason") ?? "");
  try {
    await recordFlagOutcome(await requireContext(), flagId, { outcome: form.get("outcome"), reason });
  } catch (err) {
    if (err instanceof AppError) return { ok: false, message: err.message, field: err.field, values: { reason, outcome: String(form.get("outcome") ?? "") } };
    throw err;
  }
  revalidatePath(`/monitoring/${flagId}`);
  return { ok: true, message: "已办结" };
}
