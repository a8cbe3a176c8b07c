"use server";

import { requireContext } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors/app-error";
import { runTrialSettlement, type TrialOutcome } from "@/lib/policies/run-trial-settlement";

export type TrialState = TrialOutcome | null;

/** The form sends its whole state as one JSON field; the use case checks every part of it. */
export async function runTrialAction(_prev: TrialState, form: FormData): Promise<TrialState> {
  let payload: unknown;
  try {
    payload = JSON.parse(String(form.get("payload") ?? ""));
  } catch {
    return { ok: false, problems: [{ field: "input", row: null, message: "试算内容未能提交，请刷新页面后重新填写" }] };
  }
  try {
    return await runTrialSettlement(await requireContext(), payload);
  } catch (err) {
    if (err instanceof AppError) return { ok: false, problems: [{ field: err.field ?? "input", row: null, message: err.message }] };
    throw err;
  }
}
